"""A fresh parser AST <-> plain data (`marshal`-able), for the script cache.

Only what the parser itself produces is encoded, before the checker has
touched it: nodes.py dataclasses, lists, tuples, str, bytes, int, float,
bool, None, and Locs of the one file the declaration came from.  A node is
`(class index, *field values)` (the class list and their fields are
the schema; nodes.py is part of the code fingerprint in every cache key); a Loc is
`(-1, line, end_line)` and takes the file name of the run that decodes it; a
literal is `(-2, loc, token kind, token text, value or None)`: values that
are runtime objects (ports, addresses, intervals) are made again from the
text by literals.literal_value, as the parser made them.  Anything else
raises Unencodable, and that declaration is simply not cached.
"""
from __future__ import annotations

import dataclasses
import hashlib

from . import nodes as N
from . import types as T
from .errors import Loc, LINE_MASK
from .literals import literal_value

LOC, CONST, TUPLE = -1, -2, -3


class Unencodable(Exception):
    pass


def _node_classes():
    out = []
    seen = set()
    todo = [N.Node]
    while todo:
        c = todo.pop(0)
        for sub in sorted(c.__subclasses__(), key=lambda k: k.__name__):
            if sub not in seen and sub.__module__ == N.__name__:
                seen.add(sub)
                out.append(sub)
                todo.append(sub)
    return sorted(out, key=lambda k: k.__name__)


CLASSES = _node_classes()
CLASS_INDEX = {c: i for i, c in enumerate(CLASSES)}
FIELDS = [tuple(f.name for f in dataclasses.fields(c)) for c in CLASSES]


_KIND_OF_TYPE = {id(T.COUNT): "COUNT_LIT", id(T.DOUBLE): "DOUBLE_LIT",
                 id(T.INTERVAL): "INTERVAL_LIT", id(T.PORT): "PORT_LIT",
                 id(T.ADDR): "ADDR_LIT", id(T.SUBNET): "SUBNET_LIT",
                 id(T.STRING): "STRING_LIT", id(T.BOOL): "BOOL_LIT"}
_PLAIN = (str, bytes, int, float, bool, type(None))


def encode(value, fid: int):
    """Plain data for `value` (a fresh AST of one file, file id `fid`)."""
    cls = value.__class__
    if cls in (str, bytes, int, bool, float) or value is None:
        return value
    if cls is list:
        return [encode(v, fid) for v in value]
    if cls is Loc:
        from .errors import FILES
        if FILES[fid] != value.file:
            raise Unencodable("location in another file")
        return (LOC, value.line, value.end_line)
    if cls is N.Const:
        return _encode_const(value, fid)
    if cls is tuple:
        return (TUPLE,) + tuple(encode(v, fid) for v in value)
    idx = CLASS_INDEX.get(cls)
    if idx is None:
        raise Unencodable(cls.__name__)
    d = value.__dict__
    if tuple(d) != FIELDS[idx]:
        raise Unencodable(f"{cls.__name__} with other attributes")
    return (idx,) + tuple([encode(v, fid) for v in d.values()])


def _encode_const(c, fid):
    d = c.__dict__
    if list(d) != ["loc", "type", "value", "text"]:
        raise Unencodable("Const with other fields")
    t = c.type
    kind = _KIND_OF_TYPE.get(id(t))
    if kind is None:
        if isinstance(t, T.TableType) and isinstance(c.value, str):
            kind = "HOSTNAME_LIT"
        else:
            raise Unencodable("literal type")
    v = c.value
    plain = v if v.__class__ in (bytes, bool, int) and kind in ("STRING_LIT", "BOOL_LIT", "COUNT_LIT") \
        else None
    return (CONST, encode(c.loc, fid), kind, c.text, plain)


class _Lit:
    __slots__ = ("type", "value")

    def __init__(self, type_, value):
        self.type = type_
        self.value = value


def decoder(file_name: str):
    """A function decoding plain data into a fresh AST of file `file_name`."""
    locs = {}
    new = object.__new__

    nodes = _NODE_DECODERS

    def dec(x):
        cls = x.__class__
        if cls is tuple:
            tag = x[0]
            if tag >= 0:
                return nodes[tag](x, dec)
            if tag == LOC:
                key = (x[1], x[2])
                loc = locs.get(key)
                if loc is None:
                    loc = locs[key] = Loc(file_name, x[1], x[2])
                return loc
            if tag == CONST:
                _, loc, kind, text, plain = x
                c = new(N.Const)
                if plain is not None:
                    value, type_ = plain, _TYPE_OF_KIND[kind]
                else:
                    value, type_ = literal_value(_Lit(kind, text))
                c.__dict__ = {"loc": dec(loc), "type": type_, "value": value, "text": text}
                return c
            return tuple(map(dec, x[1:]))
        if cls is list:
            return list(map(dec, x))
        return x
    return dec


class EncodedBody:
    """A function body not decoded yet (`defer_bodies`): `decode()` gives
    its statements.  True when the body has any."""
    __slots__ = ("raw", "dec")

    def __init__(self, raw, dec):
        self.raw = raw
        self.dec = dec

    def __bool__(self):
        return bool(self.raw)

    def decode(self) -> list:
        return self.dec(self.raw)


# While set, a decoded FuncDef keeps its body encoded (EncodedBody): a load
# whose bodies are checked on first call (memo.py) decodes only those that
# run.  Anything else reading a FuncDef's body decodes it first.
defer_bodies = [False]
_DEFERRABLE = {("FuncDef", "body")}


def _node_decoders():
    """One function per node class: a fresh instance with its fields' values
    decoded (`D`), plain values taken as they are.  Made from source so that
    a node costs one call and one dict display, not a loop over its fields."""
    env = {"new": object.__new__, "TL": (tuple, list), "LATER": defer_bodies, "EB": EncodedBody}
    src = []
    for i, (cls, names) in enumerate(zip(CLASSES, FIELDS)):
        env[f"C{i}"] = cls

        def item(j, n):
            if (cls.__name__, n) in _DEFERRABLE:
                return (f"{n!r}: ((EB(v, D) if LATER[0] else D(v)) "
                        f"if (v := x[{j + 1}]).__class__ in TL else v)")
            return f"{n!r}: (D(v) if (v := x[{j + 1}]).__class__ in TL else v)"
        items = ", ".join(item(j, n) for j, n in enumerate(names))
        src.append(f"def d{i}(x, D):\n    o = new(C{i})\n    o.__dict__ = {{{items}}}\n    return o\n")
    exec("".join(src), env)
    return [env[f"d{i}"] for i in range(len(CLASSES))]


_NODE_DECODERS = _node_decoders()

_TYPE_OF_KIND = {"COUNT_LIT": T.COUNT, "STRING_LIT": T.STRING, "BOOL_LIT": T.BOOL}


def token_digest(start: str, tokens) -> bytes:
    """What a parse of `tokens` (all of one file) from `start` depends on:
    each token's kind, text, line in its file and doc comments."""
    base = tokens[0].line & ~LINE_MASK
    parts = (start, [t.type for t in tokens], [t.value for t in tokens],
             [t.line - base for t in tokens],
             [(i, t.docs, t.post_docs) for i, t in enumerate(tokens)
              if t.docs is not None or t.post_docs is not None])
    # repr, not marshal: marshal's bytes depend on which strings are interned
    # and shared (a replayed scan shares them, a live one does not), so the
    # same tokens would get another digest in the next run
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()
