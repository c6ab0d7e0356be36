"""Values crossing from one node to another (cluster.md §4.6-§4.7).

Bro converts every event argument to Broker data when the event is made or
published and back into a value of the receiver's declared type when it
arrives, so nothing is shared between nodes.  Broker data here is a pair
(kind, payload) that holds no value or type object of the sender:

    ("bool", b) ("count", n) ("integer", n) ("real", x) ("timestamp", x)
    ("timespan", x) ("string", bytes) ("address", int) ("subnet", Subnet)
    ("port", int) ("enum value", name) ("pattern", PatternVal)
    ("vector", [data | None, ...])                 vectors and records
    ("set", [[data, ...], ...]) ("table", [([data, ...], data), ...])
    ("function", name)

Records travel as vectors with None for unset fields, as in Broker.  The
kind names are Broker's own, since the receiver's warning quotes them.
"""
from __future__ import annotations

from ..runtime import ops
from ..runtime.values import (UNSET, AnyVal, EnumVal, FuncVal, Interval, OpaqueVal,
                              RecordVal, TableVal, VectorVal)
from ..types import type_name

_SCALARS = {"bool": "bool", "count": "count", "int": "integer", "double": "real",
            "time": "timestamp", "interval": "timespan", "string": "string",
            "addr": "address", "subnet": "subnet", "port": "port"}


class Unconvertible(Exception):
    """A value or piece of data that has no counterpart on the other side."""


def to_data(t, v):
    """Value `v` of static type `t` -> Broker data."""
    k = t.kind
    if k == "any":
        if not isinstance(v, AnyVal):
            raise Unconvertible
        return to_data(v.type, v.value)
    kind = _SCALARS.get(k)
    if kind is not None:
        return (kind, v)
    if k == "enum":
        return ("enum value", v.name)
    if k == "pattern":
        return ("pattern", v)       # immutable: compiled once, safe to share
    if k == "record":
        if isinstance(v, OpaqueVal) or v.rtype.name == "Broker::Data":
            return _broker_data(v)
        return ("vector", [None if x is UNSET else to_data(f.type, x)
                           for f, x in zip(v.rtype.fields, v.vals)])
    if k == "vector":
        yt = t.yield_ if t.yield_ is not None else v.vtype.yield_
        return ("vector", [None if x is UNSET else to_data(_of(yt, x), x) for x in v.items])
    if k == "table":
        tt = v.ttype if t.unspecified else t
        idx = tt.indices
        if tt.is_set:
            return ("set", [[to_data(it, x) for it, x in zip(idx, ent[0])]
                            for ent in v.data.values()])
        return ("table", [([to_data(it, x) for it, x in zip(idx, ent[0])],
                           to_data(tt.yield_, ent[1])) for ent in v.data.values()])
    if k == "func" and isinstance(v, FuncVal):
        return ("function", v.name)
    raise Unconvertible


def _of(t, x):
    return t if t is not None else getattr(x, "type", t)


def _broker_data(v):
    """A Broker::Data record made by the Broker builtins holds its data."""
    box = v.vals[0] if isinstance(v, RecordVal) and v.vals else UNSET
    if isinstance(box, OpaqueVal):
        return box.state
    return None


def from_data(t, d, interp):
    """Broker data -> a fresh value of the receiver's type `t` (in `interp`)."""
    if d is None:
        raise Unconvertible
    kind, payload = d
    k = t.kind
    if k == "any":
        return _any_from(kind, payload, interp)
    want = _SCALARS.get(k)
    if want is not None:
        if kind != want:
            raise Unconvertible
        return Interval(payload) if k == "interval" else payload
    if k == "enum":
        if kind != "enum value":
            raise Unconvertible
        v = t.values.get(payload)
        if v is None:
            raise Unconvertible
        return v
    if k == "pattern":
        if kind != "pattern":
            raise Unconvertible
        return payload
    if k == "record":
        if t.name == "Broker::Data":
            return wrap_data(interp, d)
        if kind != "vector" or len(payload) != len(t.fields):
            raise Unconvertible
        vals = []
        for f, x in zip(t.fields, payload):
            if x is None:
                if not f.optional:
                    raise Unconvertible
                vals.append(UNSET)
            else:
                vals.append(from_data(f.type, x, interp))
        return RecordVal(t, vals)
    if k == "vector":
        if kind != "vector":
            raise Unconvertible
        yt = t.yield_
        return VectorVal(t, [UNSET if x is None else from_data(yt, x, interp) for x in payload])
    if k == "table":
        out = TableVal(t)
        if t.is_set:
            if kind != "set":
                raise Unconvertible
            for key in payload:
                idx = _index_from(t, key, interp)
                out.data[ops.key_of(idx)] = [idx, None]
        else:
            if kind != "table":
                raise Unconvertible
            for key, val in payload:
                idx = _index_from(t, key, interp)
                out.data[ops.key_of(idx)] = [idx, from_data(t.yield_, val, interp)]
        return out
    if k == "func":
        if kind != "function":
            raise Unconvertible
        gid = interp.globals.get(payload)
        if gid is None or not isinstance(gid.value, FuncVal):
            raise Unconvertible
        return gid.value
    raise Unconvertible


def _index_from(t, key, interp):
    if len(key) != len(t.indices):
        raise Unconvertible
    return [from_data(it, x, interp) for it, x in zip(t.indices, key)]


_BASE_BY_KIND = {v: k for k, v in _SCALARS.items()}


def _any_from(kind, payload, interp):
    """Into an `any` slot only atomic data can go: its type follows the data."""
    from .. import types as T
    base = _BASE_BY_KIND.get(kind)
    if base is None:
        raise Unconvertible
    t = T.BASE_TYPES[base]
    return AnyVal(t, Interval(payload) if base == "interval" else payload)


def data_type_name(d) -> str:
    """How Broker names a piece of data in messages."""
    return "none" if d is None else d[0]


def wrap_data(interp, d):
    """Broker data as a script's Broker::Data record (an opaque inside)."""
    rt = interp.globals["Broker::Data"].type
    return RecordVal(rt, [OpaqueVal("Broker::Data", d)])


def convert_args(params, args, types):
    """Arguments of an event about to be published -> data, or the message
    Bro gives when one cannot be converted (cluster.md §4.6)."""
    out = []
    for i, (p, a, at) in enumerate(zip(params, args, types), 1):
        try:
            out.append(to_data(at, a))
        except Unconvertible:
            return None, f"failed to convert param #{i} of type {type_name(at)} to broker data"
    return out, None
