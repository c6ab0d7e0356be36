"""Broker data: what crosses from one node to another (cluster.md §4.6-§4.7)
and what a `Broker::Data` record holds (bifs/probabilistic-broker.md §3).

Bro converts every event argument to Broker data when the event is made or
published and back into a value of the receiver's declared type when it
arrives, so nothing is shared between nodes.  Broker data here is a pair
(kind, payload) that holds no value or type object of the sender; the
kind names are Broker's own, since the receiver's warnings quote them:

    ("boolean", b) ("count", n) ("integer", n) ("real", x) ("string", bytes)
    ("address", int) ("subnet", Subnet) ("port", int)
    ("timestamp", ns) ("timespan", ns)            integer nanoseconds
    ("enum value", name)
    ("vector", [data | None, ...])                vectors, records, patterns
    ("set", [data, ...])                          sorted in Broker order
    ("table", [(data, data), ...])                sorted by key
    None                                          nil

Functions and files travel as their names (strings), opaques as a string
that carries the value (Bro's serialization, whose bytes §6 leaves open).
"""
from __future__ import annotations

import math

from ..runtime import ops
from ..runtime.addrs import addr_to_str, subnet_to_str
from ..runtime.values import (UNSET, AnyVal, EnumVal, FileVal, FuncVal, OpaqueVal,
                              PatternVal, RecordVal, TableVal, VectorVal)
from ..types import type_name

_SCALARS = {"bool": "boolean", "count": "count", "counter": "count", "int": "integer",
            "double": "real", "string": "string", "addr": "address", "subnet": "subnet",
            "port": "port"}


class Unconvertible(Exception):
    """A value or piece of data that has no counterpart on the other side.
    `msg`, when set, is the reporter error Bro prints for it."""

    def __init__(self, msg=None):
        super().__init__(msg)
        self.msg = msg


class Blob(bytes):
    """An opaque value as Broker data: a string that carries the value, so
    that it converts back (bifs/probabilistic-broker.md §3, `as opaque`)."""
    opaque = None


# ---------------------------------------------------------------- Broker order
_RANK = {k: i for i, k in enumerate(
    ("none", "boolean", "count", "integer", "real", "string", "address", "subnet", "port",
     "timestamp", "timespan", "enum value", "set", "table", "vector"))}
_PROTO_RANK = {0: 0, 0x10000: 1, 0x20000: 2, 0x30000: 3}


def order_key(d):
    """Sort key of Broker's data comparison (§3 "Broker order"): kind first;
    subnets by network only; ports by number, then protocol."""
    if d is None:
        return (0,)
    kind, p = d
    r = _RANK[kind]
    if kind == "subnet":
        return (r, p.prefix)
    if kind == "port":
        return (r, p & 0xFFFF, _PROTO_RANK.get(p & 0x30000, 0))
    if kind == "real":
        return (r, p if not math.isnan(p) else math.inf)
    if kind == "vector":
        return (r, [order_key(x) for x in p])
    if kind == "set":
        return (r, [order_key(x) for x in p])
    if kind == "table":
        return (r, [(order_key(k), order_key(v)) for k, v in p])
    if kind == "enum value":
        return (r, p.encode("latin-1"))
    return (r, p)


def set_insert(elems, x):
    """Insert into a sorted Broker set; False if an equal key is there."""
    kx = order_key(x)
    for i, e in enumerate(elems):
        ke = order_key(e)
        if ke == kx:
            return False
        if kx < ke:
            elems.insert(i, x)
            return True
    elems.append(x)
    return True


def find(elems, x, key=lambda e: e):
    kx = order_key(x)
    for i, e in enumerate(elems):
        if order_key(key(e)) == kx:
            return i
    return -1


def table_put(items, k, v):
    """Set k -> v in a sorted Broker table; the old value or False."""
    kx = order_key(k)
    for i, (ek, ev) in enumerate(items):
        ke = order_key(ek)
        if ke == kx:
            items[i] = (ek, v)
            return ev
        if kx < ke:
            items.insert(i, (k, v))
            return False
    items.append((k, v))
    return False


# ---------------------------------------------------------------- Bro -> data
def _ns(x):
    # Data.cc: the double seconds times 1e9, truncated toward zero to int64
    y = x * 1e9
    if math.isnan(y) or math.isinf(y):
        return 0
    return int(y)


def pattern_texts(p: PatternVal):
    exact = p.text
    inner = exact[3:-3] if exact.startswith("^?(") and exact.endswith(")$?") else exact
    return exact.encode("latin-1"), ("^?(.|\\n)*(" + inner + ")").encode("latin-1")


_PATTERNS: dict = {}


def to_data(t, v, pass_data=False):
    """Value `v` of static type `t` -> Broker data (§3 "Bro value -> Broker
    data").  `pass_data`: a Broker::Data record stands for its own data
    (only make_event/publish do that)."""
    k = t.kind
    if isinstance(v, AnyVal):
        return to_data(v.type, v.value, pass_data)
    if k == "any":
        raise Unconvertible
    kind = _SCALARS.get(k)
    if kind is not None:
        return (kind, v)
    if k == "time":
        return ("timestamp", _ns(v))
    if k == "interval":
        return ("timespan", _ns(v))
    if k == "enum":
        return ("enum value", v.name if isinstance(v, EnumVal) else "<unknown enum>")
    if k == "pattern":
        exact, anywhere = pattern_texts(v)
        _PATTERNS[exact] = v
        return ("vector", [("string", exact), ("string", anywhere)])
    if k == "record":
        if pass_data and v.rtype.name == "Broker::Data":
            box = v.vals[0] if v.vals else UNSET
            if isinstance(box, OpaqueVal):
                return box.state.data
            raise Unconvertible
        return ("vector", [None if x is UNSET else to_data(f.type, x)
                           for f, x in zip(v.rtype.fields, v.vals)])
    if k == "vector":
        yt = v.vtype.yield_ if v.vtype.yield_ is not None else t.yield_
        return ("vector", [to_data(_of(yt, x), x) for x in v.items if x is not UNSET])
    if k == "table":
        tt = v.ttype if not v.ttype.unspecified else t
        idx = tt.indices or []

        def key(ix):
            if len(idx) == 1:
                return to_data(idx[0], ix[0])
            return ("vector", [to_data(it, x) for it, x in zip(idx, ix)])
        if tt.is_set:
            out = []
            for ent in v.data.values():
                set_insert(out, key(ent[0]))
            return ("set", out)
        items = []
        for ent in v.data.values():
            table_put(items, key(ent[0]), to_data(tt.yield_, ent[1]))
        return ("table", items)
    if k == "func" and isinstance(v, FuncVal):
        return ("string", v.name.encode("latin-1"))
    if k == "file" and isinstance(v, FileVal):
        return ("string", v.name.encode("latin-1"))
    if k == "opaque" and isinstance(v, OpaqueVal):
        b = Blob(b"\x00opaque of " + v.oname.encode("latin-1"))
        b.opaque = v
        return ("string", b)
    raise Unconvertible(f"unsupported Broker::Data type: {t.kind}")


def _of(t, x):
    if t is not None and t.kind != "any":
        return t
    if isinstance(x, AnyVal):
        return x.type
    return t


# ---------------------------------------------------------------- data -> Bro
def from_data(t, d, interp):
    """Broker data -> a fresh value of type `t` (in `interp`), as Bro's
    data_to_val (§3 "Broker data -> Bro value")."""
    k = t.kind
    if k == "any":
        return AnyVal(interp.globals["Broker::Data"].type, wrap_data(interp, d))
    if d is None:
        raise Unconvertible
    kind, p = d
    want = _SCALARS.get(k)
    if want is not None:
        if kind == want:
            return p
        if kind == "string":
            return _from_string(t, p, interp)
        raise Unconvertible
    if k == "time":
        if kind != "timestamp":
            raise Unconvertible
        return p / 1e9
    if k == "interval":
        if kind != "timespan":
            raise Unconvertible
        # Bro builds a double-typed value here: it prints as a double (§3)
        return p / 1e9
    if k == "enum":
        if kind != "enum value":
            raise Unconvertible
        v = t.values.get(p) if hasattr(t, "values") else None
        if v is None:
            raise Unconvertible
        return v
    if kind == "string" and k in ("file", "func", "opaque"):
        return _from_string(t, p, interp)
    if k == "pattern":
        if kind != "vector" or len(p) != 2 or any(x is None or x[0] != "string" for x in p):
            raise Unconvertible
        pv = _PATTERNS.get(bytes(p[0][1]))
        if pv is None:
            raise Unconvertible
        return pv
    if k == "record":
        if t.name == "Broker::Data":
            return wrap_data(interp, d)
        if kind != "vector" or len(p) < len(t.fields):
            raise Unconvertible
        return RecordVal(t, [UNSET if x is None else from_data(f.type, x, interp)
                             for f, x in zip(t.fields, p)])
    if k == "vector":
        if kind != "vector":
            raise Unconvertible
        return VectorVal(t, [from_data(t.yield_, x, interp) for x in p])
    if k == "table":
        out = TableVal(t)
        if t.is_set:
            if kind != "set":
                raise Unconvertible
            for key in p:
                idx = _index_from(t, key, interp)
                out.data[ops.key_of(idx)] = [idx, None]
        else:
            if kind != "table":
                raise Unconvertible
            for key, val in p:
                idx = _index_from(t, key, interp)
                out.data[ops.key_of(idx)] = [idx, from_data(t.yield_, val, interp)]
        return out
    raise Unconvertible


def _from_string(t, p, interp):
    k = t.kind
    if k == "string":
        return bytes(p)
    if k == "func":
        gid = interp.globals.get(bytes(p).decode("latin-1"))
        if gid is None or not isinstance(gid.value, FuncVal):
            raise Unconvertible
        return gid.value
    if k == "opaque":
        ov = getattr(p, "opaque", None)
        if ov is None or ov.oname != t.oname:
            raise Unconvertible
        return ops.deep_copy(ov)
    if k == "file":
        opener = getattr(interp, "open_file_by_name", None)
        if opener is None:
            raise Unconvertible
        return opener(bytes(p).decode("latin-1"))
    raise Unconvertible


def _index_from(t, key, interp):
    idx = t.indices
    if key is not None and key[0] == "vector":
        if not (len(idx) == 1 and idx[0].kind in ("record", "vector")):
            if len(key[1]) != len(idx):
                raise Unconvertible
            return [from_data(it, x, interp) for it, x in zip(idx, key[1])]
    if len(idx) != 1:
        raise Unconvertible
    return [from_data(idx[0], key, interp)]


def convertible(t, d, interp) -> bool:
    try:
        from_data(t, d, interp)
    except Unconvertible:
        return False
    return True


# ---------------------------------------------------------------- rendering
def _ntop(a: int) -> str:
    return addr_to_str(a)


def render(d) -> bytes:
    """Broker's text form of a piece of data (§3 "How a Broker::Data prints")."""
    if d is None:
        return b"nil"
    kind, p = d
    if kind == "boolean":
        return b"T" if p else b"F"
    if kind in ("count", "integer"):
        return b"%d" % p
    if kind == "real":
        if math.isnan(p):
            return b"-nan" if math.copysign(1.0, p) < 0 else b"nan"
        if math.isinf(p):
            return b"inf" if p > 0 else b"-inf"
        return b"%f" % p
    if kind == "string":
        return bytes(p)
    if kind == "address":
        return _ntop(p).encode("latin-1")
    if kind == "subnet":
        return subnet_to_str(p).encode("latin-1")
    if kind == "port":
        proto = {0x10000: b"tcp", 0x20000: b"udp", 0x30000: b"icmp"}.get(p & 0x30000, b"?")
        return b"%d/" % (p & 0xFFFF) + proto
    if kind in ("timestamp", "timespan"):
        return b"%dns" % p
    if kind == "enum value":
        return p.encode("latin-1")
    if kind == "set":
        return b"{" + b", ".join(render(x) for x in p) + b"}"
    if kind == "table":
        return b"{" + b", ".join(render(k) + b" -> " + render(v) for k, v in p) + b"}"
    if kind == "vector":
        return b"[" + b", ".join(render(x) for x in p) + b"]"
    return b"?"


def data_type_name(d) -> str:
    """How Broker names a piece of data in messages."""
    return "none" if d is None else d[0]


def copy_data(d):
    if d is None:
        return None
    kind, p = d
    if kind in ("vector", "set"):
        return (kind, [copy_data(x) for x in p])
    if kind == "table":
        return (kind, [(copy_data(k), copy_data(v)) for k, v in p])
    return d


class DataBox:
    """The state of an `opaque of Broker::Data`: one piece of data, which
    the Broker::__set_*/__table_*/... builtins change in place."""
    __slots__ = ("data",)

    def __init__(self, data):
        self.data = data

    def describe_opaque(self):
        return b"broker::data{" + render(self.data) + b"}"

    def copy_opaque(self, ov):
        return OpaqueVal(ov.oname, DataBox(copy_data(self.data)))


def wrap_data(interp, d):
    """Broker data as a script's Broker::Data record (an opaque inside)."""
    rt = interp.globals["Broker::Data"].type
    return RecordVal(rt, [OpaqueVal("Broker::Data", DataBox(d))])


def empty_data(interp):
    rt = interp.globals["Broker::Data"].type
    return RecordVal(rt, [UNSET])


def convert_args(params, args, types):
    """Arguments of an event about to be published -> data, or the message
    Bro gives when one cannot be converted (cluster.md §4.6)."""
    out = []
    for i, (p, a, at) in enumerate(zip(params, args, types), 1):
        try:
            out.append(to_data(at, a, pass_data=True))
        except Unconvertible as e:
            return None, (e.msg, f"failed to convert param #{i} of type {type_name(at)} to broker data")
    return out, None
