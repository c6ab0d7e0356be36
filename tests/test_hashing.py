"""fnv1a32 / hrw_weight / get_site / pool site ids / address text.

Vectors: tests/data/hash-vectors.json (a copy of shared/spec/hash-vectors.json);
rules: hashing.md §1-§7, values.md §2.8-§2.9.

Values for the fnv1a32 vectors are built straight in our value model from
the vector's `type`, `bro` and `decl` fields by the small type-directed
reader below (it knows only the syntax the vectors use).  The same vectors
also run through the real command line in `test_vectors_through_interpreter`.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from broscript import types as T
from broscript.builtins import hashing as H
from broscript.runtime import addrs as A
from broscript.runtime.dictorder import BroDict
from broscript.runtime.values import (
    AnyVal, EnumVal, Interval, PatternVal, RecordVal, TableVal, UNSET,
    VectorVal, addr_from_v4, make_port, make_subnet)
from conftest import broscript_env

VECTORS = json.loads((Path(__file__).parent / "data" / "hash-vectors.json").read_text())
FNV = VECTORS["fnv1a32"]


# --------------------------------------------------------------------------
# a reader for the vectors' Bro snippets

_UNITS = {"usec": 1e-6, "msec": 1e-3, "sec": 1.0, "min": 60.0, "hr": 3600.0, "day": 86400.0}
_BASE = {"string": T.STRING, "count": T.COUNT, "int": T.INT, "bool": T.BOOL,
         "double": T.DOUBLE, "time": T.TIME, "interval": T.INTERVAL,
         "pattern": T.PATTERN, "port": T.PORT, "addr": T.ADDR,
         "subnet": T.SUBNET, "any": T.ANY}


def split_top(text: str, sep: str = ",") -> list[str]:
    """Split at `sep` outside quotes and brackets."""
    parts, depth, cur, i, quoted = [], 0, [], 0, False
    while i < len(text):
        c = text[i]
        if quoted:
            cur.append(c)
            if c == "\\":
                cur.append(text[i + 1])
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
            cur.append(c)
        elif c in "([{":
            depth += 1
            cur.append(c)
        elif c in ")]}":
            depth -= 1
            cur.append(c)
        elif depth == 0 and text.startswith(sep, i):
            parts.append("".join(cur).strip())
            cur = []
            i += len(sep)
            continue
        else:
            cur.append(c)
        i += 1
    last = "".join(cur).strip()
    if last or parts:
        parts.append(last)
    return parts


def unescape(body: str) -> bytes:
    out, i = bytearray(), 0
    while i < len(body):
        c = body[i]
        if c == "\\" and body[i + 1] == "x":
            out.append(int(body[i + 2:i + 4], 16))
            i += 4
        elif c == "\\":
            out.append(ord(body[i + 1]))
            i += 2
        else:
            out.append(ord(c))
            i += 1
    return bytes(out)


class Scope:
    """Types declared by a vector's `decl`."""

    def __init__(self, decl: str = ""):
        self.types: dict[str, T.Type] = {}
        module = "GLOBAL"
        for m in re.finditer(r"module (\w+);|type (\w+):\s*(enum|record)\s*\{([^}]*)\}", decl):
            if m.group(1):
                module = m.group(1)
                continue
            name, kind, body = m.group(2), m.group(3), m.group(4)
            full = name if module == "GLOBAL" else f"{module}::{name}"
            if kind == "enum":
                et = T.EnumType(full)
                for i, e in enumerate(x.strip() for x in body.split(",") if x.strip()):
                    et.add(EnumVal(et, e if module == "GLOBAL" else f"{module}::{e}", i))
                self.types[full] = et
            else:
                fields = []
                for f in (x.strip() for x in body.split(";") if x.strip()):
                    fname, rest = f.split(":", 1)
                    attrs = re.findall(r"&\w+", rest)
                    ftype = self.parse_type(re.sub(r"&\w+", "", rest).strip(), module)
                    fields.append(T.Field(fname.strip(), ftype,
                                          T.Attrs(T.Attr(a) for a in attrs)))
                self.types[full] = T.RecordType(fields, full)

    def parse_type(self, text: str, module: str = "GLOBAL") -> T.Type:
        text = text.strip()
        if text in _BASE:
            return _BASE[text]
        if text.startswith("vector of "):
            return T.VectorType(self.parse_type(text[10:], module))
        m = re.fullmatch(r"(set|table)\[(.*?)\](?: of (.*))?", text)
        if m:
            idx = [self.parse_type(x, module) for x in m.group(2).split(",")]
            return T.TableType(idx, self.parse_type(m.group(3), module) if m.group(3) else None)
        if f"{module}::{text}" in self.types:
            return self.types[f"{module}::{text}"]
        return self.types[text]

    def enum_val(self, name: str) -> tuple[T.Type, EnumVal]:
        for t in self.types.values():
            if isinstance(t, T.EnumType) and name in t.values:
                return t, t.values[name]
        raise KeyError(name)


def pattern_text(text: str) -> str:
    """The exact-match text of a pattern expression (hashing.md §4.3)."""
    terms = split_top(text, " | ")
    if len(terms) > 1:
        inner = "|".join(f"({pattern_text(x)})" for x in terms)
        return f"^?({inner})$?"
    m = re.fullmatch(r"/(.*)/(i?)", text)
    base = f"^?({m.group(1)})$?"
    return f"(?i:{base})" if m.group(2) else base


def infer(text: str) -> tuple[T.Type, object]:
    """Type and value of a literal written without context."""
    if text.startswith('"'):
        return T.STRING, unescape(text[1:-1])
    if re.fullmatch(r"\d+", text):
        return T.COUNT, int(text)
    raise ValueError(text)


def new_record(rt: T.RecordType, given: dict) -> RecordVal:
    """A record value: non-optional record/table/vector fields start empty
    (language.md §2.4.3), other fields not given stay unset."""
    vals = []
    for f in rt.fields:
        if f.name in given:
            vals.append(given[f.name])
        elif f.optional:
            vals.append(UNSET)
        elif f.type.kind == "record":
            vals.append(new_record(f.type, {}))
        elif f.type.kind == "table":
            vals.append(TableVal(f.type))
        elif f.type.kind == "vector":
            vals.append(VectorVal(f.type))
        else:
            raise ValueError(f"non-optional field {f.name!r} missing")
    return RecordVal(rt, vals)


def value(text: str, t: T.Type, scope: Scope):
    """The value of Bro expression `text` whose type is t."""
    text = text.strip()
    k = t.kind
    if k == "string":
        return unescape(text[1:-1])
    if k == "count":
        return int(text, 0)
    if k == "int":
        return int(text)
    if k == "bool":
        return text == "T"
    if k == "double":
        return float(text)
    if k == "time":
        return float(re.fullmatch(r"double_to_time\((.*)\)", text).group(1))
    if k == "interval":
        m = re.fullmatch(r"double_to_interval\((.*)\)", text)
        if m:
            return float(m.group(1))     # a plain interval value
        m = re.fullmatch(r"(-?)([0-9.]+) ?(usec|msec|sec|min|hr|day)s?", text)
        v = Interval(float(m.group(2)) * _UNITS[m.group(3)])
        return Interval(-v) if m.group(1) else v
    if k == "pattern":
        return PatternVal(pattern_text(text), None, None)
    if k == "enum":
        return scope.enum_val(text)[1]
    if k == "port":
        num, proto = text.split("/")
        return make_port(int(num), proto)
    if k == "addr":
        return A.parse_addr(text.strip("[]"))
    if k == "subnet":
        a, w = text.rsplit("/", 1)
        return make_subnet(A.parse_addr(a.strip("[]")), int(w))
    if k == "record":
        m = re.fullmatch(r"([\w:]+)\((.*)\)", text)
        given = {}
        for arg in split_top(m.group(2)):
            fname, ftext = re.fullmatch(r"\$(\w+)=(.*)", arg).groups()
            ft = t.field(fname).type
            if ft.kind == "any":
                given[fname] = AnyVal(*infer(ftext))
            else:
                given[fname] = value(ftext, ft, scope)
        return new_record(t, given)
    if k == "vector":
        m = re.fullmatch(r"vector\((.*)\)", text)
        return VectorVal(t, [value(x, t.yield_, scope) for x in split_top(m.group(1))])
    if k == "table":
        m = re.fullmatch(r"(set|table)\((.*)\)", text)
        tv = TableVal(t)
        for elem in split_top(m.group(2)):
            yield_text = None
            if t.yield_ is not None:
                elem, yield_text = split_top(elem, " = ")
            if elem.startswith("["):
                comps = split_top(elem[1:-1])
            else:
                comps = [elem]
            index = [value(c, it, scope) for c, it in zip(comps, t.indices)]
            yv = value(yield_text, t.yield_, scope) if yield_text is not None else None
            tv.data[repr(index)] = [index, yv]
        return tv
    raise ValueError(f"cannot build {text!r} of {k}")


def build(vec: dict) -> tuple[T.Type, object]:
    """(static type, value) for an fnv1a32 vector."""
    scope = Scope(vec.get("decl", ""))
    expr, _, note = vec["bro"].partition("  # ")
    m = re.fullmatch(r"any \(holding \w+\)", vec["type"])
    if m:
        # "x  # local x: any = 5;"
        init = re.fullmatch(r"local \w+: any = (.*);", note).group(1)
        return T.ANY, AnyVal(*infer(init))
    t = scope.parse_type(vec["type"])
    if note.startswith("local "):
        # "v  # local v: vector of count; v[2] = 5;"
        decl, *stmts = [s.strip() for s in note.split(";") if s.strip()]
        vv = VectorVal(t)
        for s in stmts:
            i, rhs = re.fullmatch(r"\w+\[(\d+)\] = (.*)", s).groups()
            i = int(i)
            vv.items += [UNSET] * (i + 1 - len(vv.items))
            vv.items[i] = value(rhs, t.yield_, scope)
        return t, vv
    if note.startswith("iterated as "):
        # The vector states the iteration order; insert in that order and
        # walk in that order (Bro's own order is tested in test_dictorder.py)
        tv = value(f"set({note[len('iterated as '):]})", t, scope)
        tv.data = GivenOrder(tv.ttype).fill(dict.items(tv.data))
        return t, tv
    return t, value(expr, t, scope)


class GivenOrder(BroDict):
    """A table walked in its insertion order."""
    __slots__ = ()

    def keys_in_order(self):
        return list(dict.keys(self))


# --------------------------------------------------------------------------
# (a) hrw_weight, pool site ids, get_site

@pytest.mark.parametrize("vec", VECTORS["hrw_weight"], ids=lambda v: f"{v['key_digest']}-{v['site_id']}")
def test_hrw_weight(vec):
    assert H.hrw_weight_num(vec["key_digest"], vec["site_id"]) == vec["weight"]
    assert H.hrw_weight(None, vec["key_digest"], vec["site_id"]) == vec["weight"]


def init_pool_ids(nodes: list[str]) -> dict[str, tuple[str, int]]:
    """hashing.md §7: the first alias N.k whose id is not taken in the pool."""
    ids: dict[str, tuple[str, int]] = {}
    for n in nodes:
        k = 0
        while True:
            alias = f"{n}.{k}"
            sid = H.fnv1a32_bytes(H.binary_desc(T.STRING, alias.encode()))
            if all(sid != s for _, s in ids.values()):
                break
            k += 1
        ids[n] = (alias, sid)
    return ids


@pytest.mark.parametrize("vec", VECTORS["pool_site_ids"], ids=lambda v: ",".join(v["nodes"]))
def test_pool_site_ids(vec):
    got = init_pool_ids(vec["nodes"])
    want = {n: (a["alias"], a["site_id"]) for n, a in vec["aliases"].items()}
    assert got == want


def get_site(site_ids: list[int], digest: int) -> int:
    """hashing.md §6: highest weight wins; on a tie the larger site id."""
    best_w, best_id = -1, 0
    for sid in site_ids:
        w = H.hrw_weight_num(digest, sid)
        if w > best_w or (w == best_w and sid > best_id):
            best_w, best_id = w, sid
    return best_id


@pytest.mark.parametrize("vec", VECTORS["get_site"],
                         ids=[f"{i}-{v['key']}" for i, v in enumerate(VECTORS["get_site"])])
def test_get_site(vec):
    t = {"string": T.STRING, "count": T.COUNT, "addr": T.ADDR}[vec["key_type"]]
    key = value(vec["key"], t, Scope())
    digest = H.fnv1a32(None, AnyVal(t, key))
    assert digest == vec["fnv1a32"]
    assert get_site(vec["site_ids"], digest) == vec["site"]
    assert get_site(list(reversed(vec["site_ids"])), digest) == vec["site"]


# --------------------------------------------------------------------------
# (b) fnv1a32 vectors built directly as values

@pytest.mark.parametrize("vec", FNV, ids=[f"{i}-{v['bro']}" for i, v in enumerate(FNV)])
def test_binary_desc_vector(vec):
    t, v = build(vec)
    got = H.binary_desc(t, v)
    assert got.hex() == vec["hex"]
    assert len(got) == vec["len"]
    assert H.fnv1a32_bytes(got) == vec["fnv1a32"]
    # through the builtin, as an `any` argument
    arg = v if isinstance(v, AnyVal) else AnyVal(t, v)
    assert H.fnv1a32(None, arg) == vec["fnv1a32"]
    # through the version a call site of known static type compiles to
    from broscript.builtins.registry import BUILTINS, NOT_CONST
    fast = BUILTINS["fnv1a32"].specialize([(t, NOT_CONST)])
    if t.kind == "any":
        assert fast is None
    else:
        assert fast(v) == vec["fnv1a32"]


def test_worked_examples():
    # hashing.md §8 and §5 work these through by hand: the implementation
    # must give the numbers written there, whatever the vector file says
    one_set = TableVal(T.TableType([T.STRING], None))
    one_set.data[b"one"] = [[b"one"], None]
    assert H.fnv1a32(None, AnyVal(T.STRING, b"one")) == 3699354550
    assert H.fnv1a32(None, AnyVal(T.COUNT, 13)) == 2293214859
    assert H.fnv1a32(None, AnyVal(one_set.ttype, one_set)) == 775509991
    assert H.hrw_weight_num(0, 0) == 1406932606
    assert H.hrw_weight_num(3699354550, 0) == 1666514460
    assert H.hrw_weight_num(12345, 5) == H.hrw_weight_num(12345, 2147483653) == 1112370272


def test_any_inside_any():
    inner = AnyVal(T.COUNT, 5)
    assert H.binary_desc(T.ANY, AnyVal(T.ANY, inner)) == H.binary_desc(T.COUNT, 5)


def test_interval_edges():
    def words(x):
        return H.binary_desc(T.INTERVAL, Interval(x))[4:]
    assert words(-0.0) == b"0 secs\x00"
    assert words(-90.0) == (H._F64(-1.0) + b"min\x00" + H._F64(-30.0) + b"sec\x00s\x00")
    assert words(4e-7) == b""
    # |v| / 1 day beyond the int range: x86-64 gives INT_MIN for each unit
    big = words(1e300)
    assert big.startswith(H._F64(-2147483648.0) + b"day\x00s\x00")
    # a plain interval (double_to_interval) is the raw double
    assert H.binary_desc(T.INTERVAL, 90.0) == b"\x07\x00\x00\x00" + H._F64(90.0)


def test_func_type_in_record():
    ft = T.FuncType("function", [T.Param("a", T.COUNT)], None)
    ev = T.FuncType("event", [], None)
    hk = T.FuncType("hook", [], T.BOOL)
    rt = T.RecordType([T.Field("f", ft), T.Field("e", ev), T.Field("h", hk)])
    d = bytearray()
    H._type_desc(rt, d)
    i32, i64 = H._I32, H._I64
    want = (i32(18) + i64(0) + i64(3)
            + i32(20) + i32(0) + i32(1) + i64(0) + i64(1) + i32(3) + b"a\x00" + i32(0) + b"f\x00"
            + i32(20) + i32(1) + i32(0) + i64(0) + i64(0) + b"e\x00"
            + i32(20) + i32(2) + i32(1) + i64(0) + i64(0) + i32(1) + b"h\x00")
    assert bytes(d) == want


def test_digests():
    s = AnyVal(T.STRING, b"one")
    assert H.md5_hash(None, [s]) == b"f97c5d29941bfb1b2fdab0874906ab82"
    import hashlib
    c = AnyVal(T.COUNT, 13)
    both = b"one" + H.binary_desc(T.COUNT, 13)
    assert H.md5_hash(None, [s, c]) == hashlib.md5(both).hexdigest().encode()
    assert H.sha1_hash(None, [s, c]) == hashlib.sha1(both).hexdigest().encode()
    assert H.sha256_hash(None, [s, c]) == hashlib.sha256(both).hexdigest().encode()
    assert H.md5_hash(None, []) == hashlib.md5(b"").hexdigest().encode()


def test_murmur3_32():
    import mmh3
    data = H.binary_desc(T.STRING, b"one")
    assert H.murmur3_32(None, AnyVal(T.STRING, b"one")) == mmh3.hash(data, 0, signed=False)
    assert H.murmur3_32(None, AnyVal(T.STRING, b"one"), 7) == mmh3.hash(data, 7, signed=False)


def test_builtins_registered():
    from broscript.builtins.registry import BUILTINS
    for name in ("fnv1a32", "hrw_weight", "murmur3_32", "md5_hash", "sha1_hash", "sha256_hash"):
        assert BUILTINS[name].module.endswith("hashing")


# --------------------------------------------------------------------------
# (c) every fnv1a32 vector through the real command line

# Vectors whose `bro` needs context (a '#' note) or is not a standalone
# expression: the statements that build the value.
_SCRIPT_OVERRIDES = {
    "vector()  # declared vector of count":
        "global v: vector of count = vector();\nprint fnv1a32(v);",
    "v  # local v: vector of count; v[2] = 5;":
        "global v: vector of count;\nv[2] = 5;\nprint fnv1a32(v);",
    "set()  # declared set[string]":
        "global s: set[string] = set();\nprint fnv1a32(s);",
    "x  # local x: any = 5;":
        "global x: any = 5;\nprint fnv1a32(x);",
    'x  # local x: any = "5";':
        'global x: any = "5";\nprint fnv1a32(x);',
    # values.md §5.5: a constructor coerced to a record type must list every
    # non-optional field; a declared record variable starts with them empty.
    "Outer($i=Inner($x=-1), $k=RED)":
        "global o: Outer;\no$i = Inner($x=-1);\no$k = RED;\nprint fnv1a32(o);",
}


def cli_script(vec: dict) -> str:
    body = _SCRIPT_OVERRIDES.get(vec["bro"])
    if body is None:
        expr = vec["bro"].partition("  # ")[0]
        body = f"print fnv1a32({expr});"
    decl = vec.get("decl")
    return f"{decl}\n{body}" if decl else body


def expected_outputs(vec: dict) -> set[int]:
    """ORDER-DEPENDENT vectors (2+ set entries) give one result per
    iteration order; real Bro may print any of them (hashing.md §4.9)."""
    if "ORDER-DEPENDENT" in vec.get("note", ""):
        expr = vec["bro"].partition("  # ")[0]
        return {v["fnv1a32"] for v in FNV if v["bro"].partition("  # ")[0] == expr}
    return {vec["fnv1a32"]}


@pytest.mark.parametrize("index", range(len(FNV)), ids=[f"{i}-{v['bro']}" for i, v in enumerate(FNV)])
def test_vectors_through_interpreter(index):
    vec = FNV[index]
    env = broscript_env()
    env.pop("ZEEKPATH", None)
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", "-e", cli_script(vec)],
                          capture_output=True, env=env, timeout=60, stdin=subprocess.DEVNULL,
                          cwd=Path(__file__).parent.parent)
    assert proc.returncode == 0, proc.stderr.decode("latin-1")
    assert proc.stderr == b""
    out = proc.stdout.decode("latin-1")
    assert re.fullmatch(r"\d+\n", out), out
    assert int(out) in expected_outputs(vec)


def test_every_script_override_is_used():
    # an override whose vector was renamed or removed would silently stop
    # being run: each one must still name a vector
    assert set(_SCRIPT_OVERRIDES) <= {vec["bro"] for vec in FNV}


# --------------------------------------------------------------------------
# (d) address and subnet text

V6_TEXT = [
    # hashing.md §4.5
    ("::1", "::1"), ("::", "::"), ("1::", "1::"),
    ("2001:DB8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("::1.2.3.4", "::1.2.3.4"), ("::2", "::2"),
    ("::ffff:0:1.2.3.4", "::ffff:0:1.2.3.4"),
    # values.md §2.8
    ("::ffff", "::ffff"), ("::ffff:ffff", "::255.255.255.255"),
    ("::10.10.255.255", "::10.10.255.255"),
    ("ffff::c0a8:164", "ffff::c0a8:164"),
    ("::ffff:0:192.168.1.100", "::ffff:0:192.168.1.100"),
    ("aaaa::ffff", "aaaa::ffff"),
    ("805B:2D9D:DC28::FC57:212.200.31.255", "805b:2d9d:dc28::fc57:d4c8:1fff"),
    ("aaaa:bbbb:cccc:dddd:eeee::2222", "aaaa:bbbb:cccc:dddd:eeee::2222"),
    ("aaaa:bbbb:cccc:dddd:eeee:0:0:2222", "aaaa:bbbb:cccc:dddd:eeee::2222"),
    # more of the rules
    ("2001:db8::1", "2001:db8::1"), ("fe80::1:2", "fe80::1:2"),
    ("1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"),          # runs of 1 stay
    ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),               # the longest run wins
    ("0:0:1:0:0:0:0:0", "0:0:1::"),                  # trailing run
    ("0:0:0:0:0:0:102:304", "::1.2.3.4"),
    ("0:0:0:0:1:0:102:304", "::1:0:102:304"),        # run of 4 without ffff
    ("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"),
    ("0:0:0:0:0:ffff:0:0", "0.0.0.0"),               # v4-mapped
    ("::ffff:192.168.1.1", "192.168.1.1"),
]


@pytest.mark.parametrize("text,want", V6_TEXT)
def test_addr_text(text, want):
    assert A.addr_to_str(A.parse_addr(text)) == want


def test_run_of_six_with_dotted_tail():
    # words 0-5 zero, word 6 nonzero: the dotted tail (FreeBSD rule)
    assert A.addr_to_str(A.parse_addr("::1:0")) == "::0.1.0.0"


def test_v4_addr_text():
    for text in ("10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.1.1"):
        a = A.parse_addr(text)
        assert a == addr_from_v4(int.from_bytes(bytes(map(int, text.split("."))), "big"))
        assert A.addr_to_str(a) == text


def test_parse_addr_values():
    assert A.parse_addr("::1") == 1
    assert A.parse_addr("::") == 0
    assert A.parse_addr("1::") == 1 << 112
    assert A.parse_addr("::ffff:1.2.3.4") == A.parse_addr("1.2.3.4") == addr_from_v4(0x01020304)
    assert A.parse_addr("FFFF::") == A.parse_addr("ffff::")


@pytest.mark.parametrize("bad", [
    "", ":", ":::", "1:::2", "1::2::3", ":1::", "1::2:", "1:2:3:4:5:6:7",
    "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "12345::",
    "g::", "::1.2.3", "::1.2.3.256", "::01.2.3.4", "1.2.3.4::", "::1.2.3.4:5",
    "1:2:3:4:5:6:7:1.2.3.4", "[::1]", " ::1", "1.2.3", "1.2.3.4.5", "256.0.0.1",
    "1..2.3", "a.b.c.d", "1.2.3.-4",
])
def test_parse_addr_rejects(bad):
    with pytest.raises(ValueError):
        A.parse_addr(bad)


def test_parse_addr_matches_inet_pton():
    import random
    import socket
    rng = random.Random(7)
    alphabet = "0123456789abcdefABCDEF:.:::"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 20)))
        if ":" not in text:
            continue
        try:
            want = int.from_bytes(socket.inet_pton(socket.AF_INET6, text), "big")
        except OSError:
            want = None
        try:
            got = A.parse_addr(text)
        except ValueError:
            got = None
        assert got == want, text


def test_ntop_agrees_with_ipaddress_where_rules_coincide():
    # Outside the dotted-tail forms Bro's text equals RFC 5952 compression,
    # except that ipaddress never writes dotted tails and prints mapped
    # addresses as ::ffff:a.b.c.d.
    import ipaddress
    import random
    rng = random.Random(11)
    for _ in range(20000):
        words = [rng.choice((0, 0, 0, 1, 0xffff, rng.randrange(65536))) for _ in range(8)]
        a = 0
        for w in words:
            a = (a << 16) | w
        if (a >> 32) in (0, 0xFFFF, 0xFFFF0000):
            continue
        assert A.addr_to_str(a) == str(ipaddress.IPv6Address(a)), hex(a)
        assert A.parse_addr(A.addr_to_str(a)) == a


SUBNETS = [
    # hashing.md §4.6
    ("10.1.2.3", 8, "10.0.0.0/8"), ("2001:db8::", 32, "2001:db8::/32"), ("::", 0, "::/0"),
    # values.md §2.9
    ("192.168.1.5", 24, "192.168.1.0/24"),
    ("fe80::", 64, "fe80::/64"), ("10.0.0.0", 8, "10.0.0.0/8"),
    ("0.0.0.0", 0, "0.0.0.0/0"), ("192.168.1.1", 32, "192.168.1.1/32"),
    ("::1", 128, "::1/128"), ("fe80::1:2", 64, "fe80::/64"),
]


@pytest.mark.parametrize("addr,width,want", SUBNETS)
def test_subnet_text(addr, width, want):
    assert A.subnet_to_str(make_subnet(A.parse_addr(addr), width)) == want
