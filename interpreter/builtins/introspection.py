"""Introspection: lookup_ID, global_ids, global_sizes, record_fields,
record_type_to_vector, same_object, val_size (bifs/core-1.md §6, §9)."""
from __future__ import annotations

import re

from .. import types as T
from ..deferred import is_deferred, pending_of
from ..errors import ScriptExit
from ..runtime.ops import key_of
from ..runtime.values import (UNSET, AnyVal, FuncVal, OpaqueVal, RecordVal, TableVal,
                              VectorVal)
from .bifutil import c_string, dynamic, named_type, new_record, text
from .registry import builtin


def _table_insert(tab: TableVal, key, value) -> None:
    tab.data[key_of([key])] = [[key], value]


def _has_value(gid) -> bool:
    return gid.kind not in ("type", "enum") and gid.value is not UNSET and gid.value is not None


def _all_globals(interp, unmade=None) -> list:
    """Every global as (name, id), each one declared: a deferred declaration
    is made when first looked at (deferred.py), which re-enters its names,
    so the dict is walked only after all of them are made.  With `unmade`
    (a dict), a deferred declaration whose global_ids() entry can be read
    off its text stays unmade, the entry filed under its id's id()."""
    for gid in list(interp.globals.values()):
        if unmade is not None and is_deferred(gid):
            entry = _unmade_entry(interp, gid)
            if entry is not None:
                unmade[id(gid)] = entry
                continue
        gid.type
    return _in_declaration_order(interp)


def _in_declaration_order(interp) -> list:
    """(name, id) of every global, in declaration order: the result
    table's own walk is Bro's hash order (dictorder.py) whatever the order
    of insertion but for colliding names, and Bro inserts as it walks its
    scope, whose order we do not model; declaration order at least does
    not depend on the order declarations were made on first use
    (deferred.py) or on Python's dict."""
    g = interp.globals
    seq = getattr(g, "seq", None)
    names = sorted(g, key=seq.get) if seq is not None else list(g)
    return [(n, g[n]) for n in names]


# a declaration's words: strings and comments are single words, and an
# attribute name keeps its `&`
_WORD_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|&?[A-Za-z_]\w*(?:::[A-Za-z_]\w*)*|\S')
# the type name of a type written with these words (Type.cc type_name)
_TYPE_WORDS = {"table": "table", "set": "table", "vector": "vector", "record": "record",
               "enum": "enum", "function": "func", "event": "func", "hook": "func",
               "opaque": "opaque", "file": "file"}
_BASE_TYPES = {"count", "int", "string", "bool", "double", "time", "interval", "port", "addr",
               "subnet", "pattern", "any"}
# what starts with no value: globals of other types have none until set
_MADE_EMPTY = {"record", "table", "vector"}


def _words(text: str) -> list:
    return [w for w in _WORD_RE.findall(text) if w[0] not in "#"]


def _unmade_entry(interp, gid, depth=0):
    """(type name, redefinable, has a value) of a deferred global, read off
    the words of its declaration without making it; None when only making
    it tells (an initialiser's type, say).  global_ids() lists every global,
    yet a run looks at few of them: Bro's config framework asks each for
    `option_value` alone.  Answered here: the declarations of Bro's .bif
    stubs, types, and globals, constants and options with a written type."""
    p = pending_of(gid)
    if p is None or depth > 8:
        return None
    kind = gid.kind
    if kind == "enum":
        # an enum constant: its type's name; no value is listed for one
        return "enum", False, False
    w = _words(p.text)
    if len(w) >= 4 and w[2] == "=" and kind in ("global", "const", "option"):
        # a type given by its initialiser: a literal's own
        m = _INIT_RE.match(_STRING_OR_COMMENT.sub(_keep_strings, p.text))
        tag = _literal_tag(m.group(1)) if m else None
        if tag is None:
            return None
        return tag, kind == "option" or "&redef" in _outer_words(w), True
    if len(w) < 4 or w[2] != ":":
        if kind == "func" and w[:1] == ["function"]:
            # a function defined without a declaration first: its definition
            return "func", False, True
        return None
    if w[0] not in ("global", "const", "option", "type"):
        return None
    tag = _type_word_tag(interp, w[3], p, depth)
    if tag is None:
        return None
    outer = _outer_words(w)
    redef = kind == "option" or "&redef" in outer
    if kind == "type":
        return tag, redef, False
    if tag == "func":
        if w[3] != "function":
            return "func", redef, True          # an event or hook is always a value
        if _has_init(outer):
            return None
        # a stub's builtin, or a body given for it later (interp.bind_builtin)
        from .registry import BUILTINS, unimplemented_builtins
        has = bool(p.bodies) or gid.name in BUILTINS or gid.name in unimplemented_builtins()
        return "func", redef, has
    if _has_init(outer):
        return tag, redef, True
    # no initialiser: an empty aggregate, else nothing (Records.new_value)
    return tag, redef, tag in _MADE_EMPTY


# `global|const|option NAME = INIT [&attr...];`, INIT one literal
_INIT_RE = re.compile(r"\s*(?:global|const|option)\s+[\w:]+\s*=\s*(.*?)\s*(?:&\w.*)?;\s*\Z", re.S)
# a literal's type name (language.md §1.3's constants)
_LITERALS = [
    (re.compile(r"[TF]\Z"), "bool"),
    (re.compile(r'"(?:[^"\\\n]|\\.)*"\Z'), "string"),
    (re.compile(r"(?:\d+|0[xX][0-9a-fA-F]+)\Z"), "count"),
    (re.compile(r"-\d+\Z"), "int"),
    (re.compile(r"(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?\Z"), "double"),
    (re.compile(r"(?:\d+(?:\.\d*)?|\.\d+)\s*(?:usec|msec|sec|min|hr|day)s?\Z"), "interval"),
    (re.compile(r"\d+/(?:tcp|udp|icmp|unknown)\Z"), "port"),
    (re.compile(r"\d{1,3}(?:\.\d{1,3}){3}\Z"), "addr"),
    (re.compile(r"\d{1,3}(?:\.\d{1,3}){3}/\d+\Z"), "subnet"),
]


_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*')


def _keep_strings(m) -> str:
    return m.group() if m.group()[0] == '"' else ""


def _literal_tag(init: str):
    for rx, tag in _LITERALS:
        if rx.match(init):
            return tag
    return None


def _type_word_tag(interp, word, p, depth):
    tag = _TYPE_WORDS.get(word)
    if tag is not None:
        return tag
    if word in _BASE_TYPES:
        return word
    if not (word[0].isalpha() or word[0] == "_"):
        return None
    # a named type: as the declaration sees it, in its module, declared before it
    g = interp.globals
    cands = [word] if "::" in word or p.module == "GLOBAL" else [f"{p.module}::{word}", word]
    for name in cands:
        t = g.get(name)
        if t is None or (p.limit is not None and not g.visible(name, p.limit)):
            continue
        if t.kind != "type":
            return None
        if is_deferred(t):
            entry = _unmade_entry(interp, t, depth + 1)
            return entry[0] if entry is not None else None
        return t.type.kind if t.type is not None else None
    return None


def _outer_words(words) -> list:
    """The words outside brackets: where the declaration's own attributes are."""
    out, depth = [], 0
    for w in words:
        if len(w) == 1 and w in "([{":
            depth += 1
        elif len(w) == 1 and w in ")]}":
            depth -= 1
        elif depth == 0:
            out.append(w)
    return out


def _has_init(outer) -> bool:
    """Whether `=` follows the type among the words outside brackets
    (`_outer_words`), not as an attribute's."""
    return any(w == "=" and not prev.startswith("&") for prev, w in zip(outer[2:], outer[3:]))


class UnmadeValue(AnyVal):
    """The `value` of a deferred global in global_ids(): its type and value
    once the declaration is made, which the first look at either makes.
    Made, the global may change; this keeps what it was when made, as
    Bro's record keeps the value the identifier had."""
    __slots__ = ("gid",)

    def __init__(self, gid):
        self.gid = gid
        p = pending_of(gid)
        if p.on_made is None:
            p.on_made = []
        p.on_made.append(self._made)

    def _made(self):
        gid, self.gid = self.gid, None
        if gid is not None:
            _ANY_TYPE.__set__(self, gid.type)
            _ANY_VALUE.__set__(self, gid.value)

    def _get(self, slot):
        if self.gid is not None:
            self.gid.force()
            self._made()
        return slot.__get__(self, AnyVal)

    type = property(lambda self: self._get(_ANY_TYPE), lambda self, v: _ANY_TYPE.__set__(self, v))
    value = property(lambda self: self._get(_ANY_VALUE), lambda self, v: _ANY_VALUE.__set__(self, v))


_ANY_TYPE = AnyVal.__dict__["type"]
_ANY_VALUE = AnyVal.__dict__["value"]


def _visible(name: str) -> bool:
    # Bro leaves out its internal `#...` identifiers
    return not name.startswith("#")


# ---------------------------------------------------------------- lookup_ID
@builtin("function lookup_ID(id: string): any")
def lookup_ID(ctx, id):
    name = text(c_string(ctx, id))
    gid = ctx.interp.globals.get(name)
    if gid is None or not _visible(name) or name in ("zeek_init", "zeek_done"):
        return AnyVal(T.STRING, b"<unknown id>")
    if not _has_value(gid):
        return AnyVal(T.STRING, b"<no ID value>")
    # the identifier's own value, shared (bro.bif lookup_ID)
    return AnyVal(gid.type, gid.value)


# ---------------------------------------------------------------- global_ids
def _tag_name(t) -> str:
    """The short name of a type's tag (Type.cc type_name of the tag)."""
    return t.kind if t is not None else "void"


@builtin("function global_ids(): id_table", lazy=True)
def global_ids(ctx):
    id_table = named_type(ctx, "id_table")
    script_id = named_type(ctx, "script_id")
    out = TableVal(id_table)
    unmade: dict = {}
    for name, gid in _all_globals(ctx.interp, unmade):
        if not _visible(name) or name in ("zeek_init", "zeek_done"):
            continue
        # still deferred: what _unmade_entry read (a global made meanwhile,
        # by the making of another, is described as made)
        entry = unmade.get(id(gid)) if is_deferred(gid) else None
        if entry is not None:
            type_name, redef, has = entry
            value = UnmadeValue(gid) if has else None
        else:
            type_name, redef = _tag_name(gid.type), gid.attrs.has("&redef")
            value = AnyVal(gid.type, gid.value) if _has_value(gid) else None
        rec = new_record(
            script_id,
            type_name=type_name.encode(),
            exported=bool(gid.exported),
            constant=gid.kind == "const",
            enum_constant=gid.kind == "enum",
            option_value=gid.kind == "option",
            redefinable=redef)
        if value is not None:
            rec.vals[script_id.index["value"]] = value
        _table_insert(out, name.encode(), rec)
    return out


@builtin("function global_sizes(): var_sizes", lazy=True)
def global_sizes(ctx):
    out = TableVal(named_type(ctx, "var_sizes"))
    for name, gid in _all_globals(ctx.interp):
        if _visible(name) and _has_value(gid) and name not in ("zeek_init", "zeek_done"):
            _table_insert(out, name.encode(), value_size(gid.type, gid.value))
    return out


# ---------------------------------------------------------------- records
@builtin("function record_fields(rec: any): record_field_table", lazy=True)
def record_fields(ctx, rec):
    t, v = dynamic(rec)
    if t.kind != "record":
        # Bro converts the value before its own check: a fatal error that
        # names the value's location, none for run-time values
        from ..runtime.describe import describe
        ctx.rt.reporter.write(
            f"fatal error in <no location>: Val::CONVERTER ({t.kind}/record) "
            f"({describe(t, v, 'print').decode('latin-1')})")
        raise ScriptExit(1)
    rf = named_type(ctx, "record_field")
    out = TableVal(named_type(ctx, "record_field_table"))
    from ..runtime.ops import deep_copy
    records = ctx.interp.compiler.records
    for i, f in enumerate(t.fields):
        entry = new_record(rf, type_name=b"record", log=f.attrs.has("&log"))
        val = v.vals[i] if i < len(v.vals) else UNSET
        if val is not UNSET:
            entry.vals[rf.index["value"]] = AnyVal(f.type, val)
        d = f.attrs.get("&default")
        if d is not None and d.expr is not None:
            try:
                dv = records.attr_fn(d)([None])
                if isinstance(dv, (RecordVal, TableVal, VectorVal)):
                    dv = deep_copy(dv)
                entry.vals[rf.index["default_val"]] = AnyVal(f.type, dv)
            except Exception:       # an erroring &default leaves it unset
                pass
        _table_insert(out, f.name.encode(), entry)
    return out


@builtin("function record_type_to_vector(rt: string): string_vec")
def record_type_to_vector(ctx, rt):
    name = text(c_string(ctx, rt))
    gid = ctx.interp.globals.get(name)
    if gid is None or gid.type is None:
        # Bro's internal_type() fails: an internal error, then abort
        ctx.rt.reporter.write(f"internal error: internal type {name} missing")
        raise ScriptExit(134)
    t = gid.type
    if t.kind != "record":
        ctx.rt.reporter.write(f"fatal error: BroType::AsRecordType ({t.kind}/record)")
        raise ScriptExit(1)
    # slot 0 stays a hole, field i goes to slot i+1 (bro.bif)
    return VectorVal(named_type(ctx, "string_vec"),
                     [UNSET] + [f.name.encode() for f in t.fields])


# ---------------------------------------------------------------- objects
@builtin("function same_object(o1: any, o2: any): bool")
def same_object(ctx, o1, o2):
    t1, v1 = dynamic(o1)
    t2, v2 = dynamic(o2)
    if t1.kind != t2.kind:
        return False
    # Our atomic values are Python objects passed by reference as Bro passes
    # its Val objects: assignment and argument passing keep the identity
    return v1 is v2


# Sizes are Bro's x86-64 object sizes rounded as its padded_sizeof does;
# only their relations are testable (bifs/core-1.md §6 val_size).
_VAL = 32
_PER_ENTRY = 64


def value_size(t, v) -> int:
    if isinstance(v, AnyVal):
        return value_size(v.type, v.value)
    if isinstance(v, bytes):
        return _VAL + 16 + len(v)
    if isinstance(v, RecordVal):
        return _VAL + 8 * len(v.vals) + sum(
            value_size(f.type, x) for f, x in zip(v.rtype.fields, v.vals) if x is not UNSET)
    if isinstance(v, VectorVal):
        yt = v.vtype.yield_
        return _VAL + 24 + sum(8 + value_size(yt, x) for x in v.items if x is not UNSET)
    if isinstance(v, TableVal):
        yt = v.ttype.yield_
        return _VAL + 96 + sum(_PER_ENTRY + (value_size(yt, e[1]) if yt is not None else 0)
                               for e in v.data.values())
    if isinstance(v, (FuncVal, OpaqueVal)):
        return _VAL + 32
    return _VAL


@builtin("function val_size(v: any): count")
def val_size(ctx, v):
    t, x = dynamic(v)
    return value_size(t, x)
