"""Bro values <-> Python values, for the Python API (api.py).

    bool -> bool        count, int -> int       double, time, interval -> float
    string -> str (bytes read as latin-1)       port -> "80/tcp"
    addr -> ipaddress.ip_address                subnet -> ipaddress.ip_network
    enum -> its name, "Cluster::PROXY"          pattern -> its text
    record -> dict of field -> value (None where unset)
    table -> dict (keys: the index, a tuple when it has several parts)
    set -> set              vector -> list (None for holes)
    function -> its name    unset -> None
"""
from __future__ import annotations

import ipaddress

from ..runtime import ops
from ..runtime.addrs import addr_to_str, parse_addr
from ..runtime.values import (UNSET, AnyVal, FuncVal, Interval, RecordVal, Subnet, TableVal,
                              VectorVal, make_port, make_subnet, port_num, port_proto)
from .. import types as T


class BroValue:
    """A node's own value with its type, handed out by NodeHandle.ref: passing
    it back gives a script the very same (shared) value."""
    __slots__ = ("type", "value")

    def __init__(self, type_, value):
        self.type = type_
        self.value = value

    def py(self):
        return to_py(self.type, self.value)

    def __repr__(self):
        return f"BroValue({T.type_name(self.type)}: {self.py()!r})"


def to_py(t, v):
    if v is UNSET or v is None:
        return None
    k = t.kind
    if k == "any":
        return to_py(v.type, v.value) if isinstance(v, AnyVal) else v
    if k in ("bool", "count", "int"):
        return v
    if k in ("double", "time", "interval"):
        return float(v)
    if k == "string":
        return v.decode("latin-1")
    if k == "port":
        return f"{port_num(v)}/{port_proto(v)}"
    if k == "addr":
        return ipaddress.ip_address(addr_to_str(v))
    if k == "subnet":
        return _py_subnet(v)
    if k == "enum":
        return v.name
    if k == "pattern":
        return v.text
    if k == "record":
        return {f.name: to_py(f.type, x) for f, x in zip(v.rtype.fields, v.vals)}
    if k == "vector":
        yt = t.yield_ or v.vtype.yield_
        return [to_py(yt or T.ANY, x) for x in v.items]
    if k == "table":
        tt = v.ttype if t.unspecified else t
        keys = [_key(tt, ent[0]) for ent in v.data.values()]
        if tt.is_set:
            return set(keys)
        return {kk: to_py(tt.yield_, ent[1]) for kk, ent in zip(keys, v.data.values())}
    if k == "func":
        return v.name if isinstance(v, FuncVal) else None
    return v


def _key(tt, idx):
    parts = [_hashable(to_py(it, x)) for it, x in zip(tt.indices, idx)]
    return parts[0] if len(parts) == 1 else tuple(parts)


def _hashable(x):
    if isinstance(x, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in x.items()))
    if isinstance(x, (list, set)):
        return tuple(_hashable(y) for y in x)
    return x


def _py_subnet(s: Subnet):
    from ..runtime.addrs import subnet_to_str
    return ipaddress.ip_network(subnet_to_str(s), strict=False)


def from_py(t, x, interp):
    """A Python value as a value of Bro type `t` in `interp`."""
    if isinstance(x, BroValue):
        return AnyVal(x.type, x.value) if t.kind == "any" and x.type.kind != "any" else x.value
    k = t.kind
    if k == "any":
        bt = _infer(x)
        return AnyVal(bt, from_py(bt, x, interp))
    if x is None:
        return UNSET
    if k == "bool":
        return bool(x)
    if k in ("count", "int"):
        n = int(x)
        if k == "count" and n < 0:
            raise ValueError(f"a count cannot be negative: {x}")
        return n
    if k in ("double", "time"):
        return float(x)
    if k == "interval":
        return Interval(float(x))
    if k == "string":
        return x.encode("latin-1") if isinstance(x, str) else bytes(x)
    if k == "port":
        num, proto = str(x).split("/")
        return make_port(int(num), proto)
    if k == "addr":
        return parse_addr(str(x))
    if k == "subnet":
        net = ipaddress.ip_network(str(x), strict=False)
        return make_subnet(parse_addr(str(net.network_address)), net.prefixlen)
    if k == "enum":
        v = t.values.get(x)
        if v is None:
            raise ValueError(f"{x!r} is not a value of {t.name}")
        return v
    if k == "record":
        vals = []
        for f in t.fields:
            if f.name in x:
                vals.append(from_py(f.type, x[f.name], interp))
            else:
                vals.append(interp.compiler.records.new_record(T.RecordType([f])).vals[0])
        return RecordVal(t, vals)
    if k == "vector":
        return VectorVal(t, [from_py(t.yield_, y, interp) for y in x])
    if k == "table":
        out = TableVal(t)
        items = x.items() if not t.is_set else ((y, None) for y in x)
        for key, val in items:
            parts = key if isinstance(key, tuple) and len(t.indices) > 1 else (key,)
            idx = [from_py(it, p, interp) for it, p in zip(t.indices, parts)]
            out.data[ops.key_of(idx)] = [idx, None if t.is_set else from_py(t.yield_, val, interp)]
        return out
    raise TypeError(f"cannot pass a Python {type(x).__name__} as a Bro {T.type_name(t)}")


def _infer(x):
    """The Bro type a Python value takes in an `any` slot."""
    if isinstance(x, bool):
        return T.BOOL
    if isinstance(x, int):
        return T.COUNT if x >= 0 else T.INT
    if isinstance(x, float):
        return T.DOUBLE
    if isinstance(x, (str, bytes)):
        return T.STRING
    if isinstance(x, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        return T.ADDR
    raise TypeError(f"cannot pass a Python {type(x).__name__} where Bro takes any value")
