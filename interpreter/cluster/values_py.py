"""Bro values <-> Python values, for the Python API (pyapi.py, api.py).

Out (to_py):
    bool -> bool        count, int -> int       double, time, interval -> float
    string -> str (bytes read as latin-1)       port -> "80/tcp"
    addr -> ipaddress.ip_address                subnet -> ipaddress.ip_network
    enum -> its name, "Cluster::PROXY"          pattern -> its text
    record -> dict of field -> value (None where unset)
    table -> dict (keys: the index, a tuple when it has several parts)
    set -> set              vector -> list (None for holes)
    function -> its name    unset -> None

In (from_py), only where exact (issue 15): the reverse of the above, with
an int only in the Bro type's range, a float or an int with an exact double
value for a double, a timedelta too for an interval, bytes too for a
string; a record's missing fields take their &default or stay unset when
&optional.  Functions, patterns and opaques come in only as a BroValue (a
ref).  Anything else is a TypeError (wrong Python type) or ValueError (a
value the Bro type does not have) that names the argument and the type.
"""
from __future__ import annotations

import datetime
import ipaddress

from ..runtime import ops
from ..runtime.addrs import addr_to_str, parse_addr
from ..runtime.values import (COUNT_MOD, INT_MAX, INT_MIN, PORT_MASKS, UNSET, AnyVal, FuncVal,
                              Interval, RecordVal, Subnet, TableVal, VectorVal, make_port,
                              make_subnet, port_num, port_proto)
from .. import types as T


class BroValue:
    """A node's own value with its type, handed out by NodeHandle.ref: passing
    it back gives a script the very same (shared) value."""
    __slots__ = ("type", "value", "interp")

    def __init__(self, type_, value, interp=None):
        self.type = type_
        self.value = value
        self.interp = interp         # whose value it is (None: anybody's)

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


def from_py(t, x, interp, where="value"):
    """A Python value as a value of Bro type `t` in `interp`, only where the
    conversion is exact: a wrong Python type is a TypeError, a value outside
    the Bro type (a negative count, 2**70, an unknown enum name, a record
    field the type lacks) a ValueError.  `where` names the value in the
    message ("dbl(): argument n")."""
    k = t.kind
    if isinstance(x, BroValue):
        if x.interp is not None and x.interp is not interp:
            # its types are another interpreter's: a record of the same name
            # there may have other fields (redefs), so it is never mixed in
            raise TypeError(f"{where}: the value passed is another interpreter's (a ref goes "
                            f"back only to the node or Interpreter that gave it; pass get()'s "
                            f"Python value instead)")
        if k == "any":
            return AnyVal(x.type, x.value) if x.type.kind != "any" else x.value
        if not T.same_type(x.type, t):
            raise TypeError(f"{where} is a Bro {_tname(t)}, not the Bro "
                            f"{_tname(x.type)} passed")
        return x.value
    if k == "any":
        bt = _infer(x, where)
        return AnyVal(bt, from_py(bt, x, interp, where))
    conv = _CONVERT.get(k)
    if conv is None:
        raise TypeError(f"{where} is a Bro {_tname(t)}: pass a value of that type "
                        f"got from the API (ref/BroValue), not a Python {_pytype(x)}")
    return conv(t, x, interp, where)


def _tname(t) -> str:
    """A named record or enum by its name, other types as type_name() has them."""
    if t.kind in ("record", "enum") and getattr(t, "name", None):
        return t.name
    return T.type_name(t)


def _pytype(x) -> str:
    return "None" if x is None else type(x).__name__


def _wrong(t, x, where, accepted):
    r = repr(x)
    r = r if len(r) <= 60 else r[:57] + "..."
    return TypeError(f"{where} is a Bro {_tname(t)}, which takes {accepted}, "
                     f"not a Python {_pytype(x)} ({r})")


def _bad(t, x, where, why):
    r = repr(x)
    r = r if len(r) <= 60 else r[:57] + "..."
    return ValueError(f"{where} is a Bro {_tname(t)}: {r} {why}")


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def _bool(t, x, interp, where):
    if not isinstance(x, bool):
        raise _wrong(t, x, where, "a bool")
    return x


def _count(t, x, interp, where):
    if not _is_int(x):
        raise _wrong(t, x, where, "an int")
    if not 0 <= x < COUNT_MOD:
        raise _bad(t, x, where, "is out of its range 0 .. 2**64-1")
    return x


def _integer(t, x, interp, where):
    if not _is_int(x):
        raise _wrong(t, x, where, "an int")
    if not INT_MIN <= x <= INT_MAX:
        raise _bad(t, x, where, "is out of its range -2**63 .. 2**63-1")
    return x


def _double(t, x, interp, where):
    if isinstance(x, float):
        return x
    if _is_int(x):
        try:
            f = float(x)
        except OverflowError:
            f = None
        if f is None or int(f) != x:
            raise _bad(t, x, where, "has no exact double value")
        return f
    raise _wrong(t, x, where, "a float or an int")


def _interval(t, x, interp, where):
    if isinstance(x, datetime.timedelta):
        return Interval(x.total_seconds())
    try:
        return Interval(_double(t, x, interp, where))
    except TypeError:
        raise _wrong(t, x, where, "seconds as a float or an int, or a datetime.timedelta")


def _string(t, x, interp, where):
    if isinstance(x, (bytes, bytearray)):
        return bytes(x)
    if not isinstance(x, str):
        raise _wrong(t, x, where, "a str or bytes")
    try:
        return x.encode("latin-1")
    except UnicodeEncodeError:
        raise _bad(t, x, where, "has a character beyond latin-1 (pass bytes)")


def _port(t, x, interp, where):
    if not isinstance(x, str):
        raise _wrong(t, x, where, 'a str like "80/tcp"')
    num, _, proto = x.partition("/")
    if not (num.isdigit() and int(num) <= 65535 and proto in PORT_MASKS):
        raise _bad(t, x, where, "is not NUMBER/PROTO with NUMBER 0 .. 65535 and PROTO "
                                "tcp, udp, icmp or unknown")
    return make_port(int(num), proto)


def _addr(t, x, interp, where):
    if isinstance(x, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
        x = str(x)
    elif not isinstance(x, str):
        raise _wrong(t, x, where, "an ipaddress address or a str")
    try:
        return parse_addr(x)
    except ValueError:
        raise _bad(t, x, where, "is not an IP address")


def _subnet(t, x, interp, where):
    if isinstance(x, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
        x = str(x)
    elif not isinstance(x, str):
        raise _wrong(t, x, where, 'an ipaddress network or a str like "10.0.0.0/8"')
    try:
        net = ipaddress.ip_network(x, strict=False)
    except ValueError:
        raise _bad(t, x, where, "is not a subnet")
    return make_subnet(parse_addr(str(net.network_address)), net.prefixlen)


def _enum(t, x, interp, where):
    if not isinstance(x, str):
        raise _wrong(t, x, where, "the name of one of its values, a str")
    v = t.values.get(x)
    if v is None:
        names = ", ".join(list(t.values)[:8]) + (", ..." if len(t.values) > 8 else "")
        raise _bad(t, x, where, f"is not one of its values ({names})")
    return v


def _record(t, x, interp, where):
    if not isinstance(x, dict):
        raise _wrong(t, x, where, "a dict of field name -> value")
    for name in x:
        if not isinstance(name, str) or t.field(name) is None:
            raise _bad(t, name, f"{where}", f"is not a field of it (fields: "
                                            f"{', '.join(f.name for f in t.fields)})")
    vals = []
    for f in t.fields:
        here = f"{where}, field ${f.name}"
        if f.name in x and x[f.name] is not None:
            vals.append(from_py(f.type, x[f.name], interp, here))
        elif f.name not in x and (f.attrs.get("&default") is not None
                                  or f.type.kind in ("record", "table", "vector")):
            # what a record constructor without $name=... gives (values.md §5.5)
            vals.append(interp.compiler.records.new_record(T.RecordType([f])).vals[0])
        elif f.attrs.has("&optional"):
            vals.append(UNSET)
        else:
            raise ValueError(f"{here} has no value and is not &optional")
    return RecordVal(t, vals)


def _vector(t, x, interp, where):
    if not isinstance(x, (list, tuple)):
        raise _wrong(t, x, where, "a list or tuple (None for a hole)")
    return VectorVal(t, [UNSET if y is None else from_py(t.yield_, y, interp, f"{where}[{i}]")
                         for i, y in enumerate(x)])


def _table(t, x, interp, where):
    if t.is_set:
        if not isinstance(x, (set, frozenset, list, tuple)):
            raise _wrong(t, x, where, "a set")
        items = ((y, None) for y in x)
    else:
        if not isinstance(x, dict):
            raise _wrong(t, x, where, "a dict")
        items = x.items()
    out = TableVal(t)
    n = len(t.indices)
    for key, val in items:
        if n > 1:
            if not isinstance(key, tuple) or len(key) != n:
                raise _bad(t, key, f"{where} index", f"is not a tuple of {n} values")
            parts = key
        else:
            parts = (key,)
        idx = [from_py(it, p, interp, f"{where} index") for it, p in zip(t.indices, parts)]
        out.data[ops.key_of(idx)] = [idx, None if t.is_set else
                                     from_py(t.yield_, val, interp, f"{where}[{key!r}]")]
    return out


_CONVERT = {"bool": _bool, "count": _count, "int": _integer, "double": _double,
            "time": _double, "interval": _interval, "string": _string, "port": _port,
            "addr": _addr, "subnet": _subnet, "enum": _enum, "record": _record,
            "vector": _vector, "table": _table}


def _infer(x, where="value"):
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
    if isinstance(x, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
        return T.SUBNET
    raise TypeError(f"{where} takes any Bro value, but a Python {_pytype(x)} has no Bro type "
                    f"of its own (pass a bool, int, float, str, bytes, ipaddress value or a ref)")
