"""Runtime representation of Bro values.

The checker knows every static type, so most values are bare Python objects
and whoever handles them is told the type (printing, hashing, conversions are
type-directed):

    bool      -> bool
    count/int -> int   (count kept in [0, 2**64), int in [-2**63, 2**63))
    double, time -> float
    interval  -> Interval (a float subclass) when built as an IntervalVal
                 (literals, arithmetic); a plain float when a builtin made it
                 (values.md §2.4: the two print differently)
    string    -> bytes (Bro strings are bytes)
    port      -> int, the internal value number | proto mask (values.md §2.7)
    addr      -> int, 128 bits; IPv4 held as ::ffff:a.b.c.d
    subnet    -> Subnet(prefix, width) with width in IPv6 terms (v4 /8 -> 104)
    pattern   -> PatternVal
    enum      -> EnumVal (interned per enum type)
    record    -> RecordVal, table/set -> TableVal, vector -> VectorVal
    function/event/hook -> FuncVal
    any       -> AnyVal(type, value): the dynamic type travels with the value

An unset variable, record field or vector slot holds UNSET.
"""
from __future__ import annotations

import re
from typing import Any, NamedTuple, Optional

from ..types import (Type, RecordType, TableType, VectorType, EnumType)
from .dictorder import BroDict


class _Unset:
    __slots__ = ()

    def __repr__(self):
        return "UNSET"

    def __bool__(self):
        return False


UNSET = _Unset()

COUNT_MOD = 1 << 64
INT_MIN = -(1 << 63)
INT_MAX = (1 << 63) - 1


def to_count(n: int) -> int:
    return n & 0xFFFFFFFFFFFFFFFF


def to_int(n: int) -> int:
    n &= 0xFFFFFFFFFFFFFFFF
    return n - COUNT_MOD if n > INT_MAX else n


class Interval(float):
    """An interval made as an IntervalVal: prints in unit words."""
    __slots__ = ()


PORT_MASKS = {"unknown": 0, "tcp": 0x10000, "udp": 0x20000, "icmp": 0x30000}
PORT_PROTOS = {v: k for k, v in PORT_MASKS.items()}


def make_port(num: int, proto: str) -> int:
    return num | PORT_MASKS[proto]


def port_num(p: int) -> int:
    return p & 0xFFFF


def port_proto(p: int) -> str:
    return PORT_PROTOS[p & 0x30000]


V4_MAPPED = 0xFFFF << 32


def addr_from_v4(a: int) -> int:
    return V4_MAPPED | a


def addr_is_v4(a: int) -> bool:
    return (a >> 32) == 0xFFFF


class Subnet(NamedTuple):
    prefix: int      # 128-bit, host bits cleared
    width: int       # 0..128 (IPv4 widths are stored + 96)


def make_subnet(addr: int, width: int) -> Subnet:
    """width is given in the address family's own terms."""
    if addr_is_v4(addr):
        width += 96
    mask = ((1 << 128) - 1) ^ ((1 << (128 - width)) - 1) if width else 0
    return Subnet(addr & mask, width)


class EnumVal:
    __slots__ = ("etype", "name", "num")

    def __init__(self, etype: EnumType, name: str, num: int):
        self.etype = etype
        self.name = name
        self.num = num

    def __repr__(self):
        return self.name


class PatternVal:
    """A compiled pattern; `text` is Bro's exact-match text (values.md §2.10)."""
    __slots__ = ("text", "exact", "anywhere")

    def __init__(self, text: str, exact: "re.Pattern", anywhere: "re.Pattern"):
        self.text = text
        self.exact = exact
        self.anywhere = anywhere


class AnyVal:
    """A value stored in an `any` slot, with its dynamic type."""
    __slots__ = ("type", "value")

    def __init__(self, type_: Type, value: Any):
        self.type = type_
        self.value = value

    def __repr__(self):
        return f"AnyVal({self.type!r}, {self.value!r})"


class RecordVal:
    __slots__ = ("rtype", "vals")

    def __init__(self, rtype: RecordType, vals: list):
        self.rtype = rtype
        self.vals = vals

    def __repr__(self):
        return f"RecordVal({self.rtype.name}, {self.vals!r})"


class VectorVal:
    __slots__ = ("vtype", "items")

    def __init__(self, vtype: VectorType, items: Optional[list] = None):
        self.vtype = vtype
        self.items = items if items is not None else []

    def __repr__(self):
        return f"VectorVal({self.items!r})"


class TableVal:
    """A table or set.

    `data` maps a hashable key (runtime/ops.py key_of) to `[index, value]`, where
    index is the list of index values as the script sees them (rebuilt copies,
    values.md §5.2) and value is None for sets.  `data` is a
    dictorder.BroDict: a dict whose walks follow Bro's hash dictionary
    (values.md §3).
    """
    __slots__ = ("_ttype", "data", "default", "attrs")

    def __init__(self, ttype: TableType, default=None, attrs=None):
        self._ttype = ttype
        self.data = BroDict(ttype)
        self.default = default      # compiled &default: callable(index_list) -> value
        self.attrs = attrs

    @property
    def ttype(self) -> TableType:
        return self._ttype

    @ttype.setter
    def ttype(self, t: TableType) -> None:
        # a coerced table (e.g. an unspecified `set()`) hashes its keys
        # under the new index types from now on
        self._ttype = t
        self.data.retype(t)

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"TableVal({list(self.data)!r})"


class FuncVal:
    """A function, event or hook value.

    `bodies` is a list of Body objects (events and hooks may have several);
    `builtin` is a Python callable for builtins.
    """
    __slots__ = ("name", "ftype", "bodies", "builtin", "pure")

    def __init__(self, name: str, ftype, builtin=None, pure=None):
        self.name = name
        self.ftype = ftype
        self.bodies: list = []
        self.builtin = builtin
        self.pure = pure            # the same builtin without the call context

    def __repr__(self):
        return f"FuncVal({self.name})"


class FileVal:
    """Bro's BroFile (bifs/core-3.md §1.2): copies of a handle are this one
    object.  `fh` is a stream of runtime/files.py (never None once opened:
    NOT_OPEN for a closed handle); `name` None only for the internal stdout
    handle that print_hook sees; `raw` after enable_raw_output/&raw_output;
    `hook` False after disable_print_hook; `open_time` for rotate_file."""
    __slots__ = ("name", "fh", "raw", "hook", "open_time", "__weakref__")

    def __init__(self, name: str, fh, raw: bool = False):
        self.name = name
        self.fh = fh
        self.raw = raw
        self.hook = True
        self.open_time = 0.0


class OpaqueVal:
    __slots__ = ("oname", "state")

    def __init__(self, oname: str, state: Any = None):
        self.oname = oname
        self.state = state


def plain(v):
    """What an `any` slot holds, through any nesting of AnyVal boxes."""
    while isinstance(v, AnyVal):
        v = v.value
    return v


def field(rec: "RecordVal", name: str):
    """A record's field by name, UNSET when the type lacks it or it is unset
    (the framework records the logging and input managers read)."""
    i = rec.rtype.index.get(name)
    if i is None or i >= len(rec.vals):
        return UNSET
    v = rec.vals[i]
    return UNSET if v is None else v
