"""The one place values become text (STYLE.md habit 5; values.md §1-§2).

Bro renders every value through an `ODesc`; what differs is the
description's style and where it goes.  We name the three uses after the
contexts of values.md §1.3:

    "print"  A. the print statement: strings escaped, never indented
                (Bro's ODesc writes straight to the file, so its indentation
                check, which looks at the in-memory buffer, never fires)
    "raw"    B. fmt("%s"), cat, cat_sep, join_string_vec: raw string bytes,
                and one tab per table level after a newline, before any
                token that is not a string value
    "short"  C. the `(...)` of error messages: escaped, and newlines are
                dropped, so table entries are joined by a bare `,`
    "rawfile"   print to a file with raw output (§1.1): raw strings like B,
                but written straight to the file, so never indented like A
    "printhook" the text print_hook receives (bifs/core-3.md §1.2): escaped
                like A, but rendered in memory, so indented like B

Scalars (the common case for print) never build a description object:
`describe` returns their bytes directly.  Containers go through `_Desc`,
a small model of ODesc's Add (indenting) / AddBytes (not indenting) / NL.
"""
from __future__ import annotations

import re

from ..types import BOOL, COUNT, DOUBLE, INT, INTERVAL, STRING, BaseType, Type
from .values import (UNSET, AnyVal, EnumVal, FileVal, FuncVal, Interval,
                     PatternVal, RecordVal, TableVal, VectorVal, PORT_PROTOS)
from ..types import Kind as K

# --------------------------------------------------------------------------
# numbers

_THRES = 2147483647.0      # modp_dtoa2 switches to %e above this (§2.3)


def modp6(a: float) -> tuple[int, int]:
    """modp_dtoa's split of a finite a >= 0 (at most _THRES) into the whole
    part and six rounded decimals, shared by fmt_double and the log's time
    format (logging/formats.py)."""
    whole = int(a)
    t = (a - whole) * 1e6
    frac = int(t)
    diff = t - frac
    if diff > 0.5:
        frac += 1
        if frac >= 1000000:
            frac = 0
            whole += 1
    elif diff == 0.5 and (frac == 0 or frac & 1):
        # modp's odd half-way rule; frac may reach 1000000 here unchecked,
        # which C prints as ".1" -- and so do the %06d/rstrip of fmt_double
        # and the %06d of the log's time format.
        frac += 1
    return whole, frac


def fmt_double(d: float) -> str:
    """A double as ODesc::Add(double) writes it: modp_dtoa2 with precision 6,
    then `.0` when the value is exactly integral (values.md §2.3)."""
    if d != d:
        return "nan"
    neg = d < 0
    a = -d if neg else d
    if a > _THRES:
        return "%e" % d              # also "inf" / "-inf"; no ".0" after it
    whole, frac = modp6(a)
    s = str(whole)
    if frac:
        s += "." + ("%06d" % frac).rstrip("0")
    if neg:
        s = "-" + s
    if a == whole:                   # exactly integral (and finite here)
        s += ".0"
    return s


def _c_int(x: float) -> int:
    """C's `int(double)` on x86-64: out of range (or NaN) gives INT_MIN."""
    if -2147483649.0 < x < 2147483648.0:
        return int(x)
    return -2147483648


_UNITS = ((86400.0, "day"), (3600.0, "hr"), (60.0, "min"),
          (1.0, "sec"), (1e-3, "msec"), (1e-6, "usec"))


def fmt_interval(v: float) -> str:
    """IntervalVal::ValDescribe: unit words, each count in double format
    (values.md §2.4).  Leftovers below one usec are dropped."""
    if v == 0.0:
        return "0 secs"
    out = []
    for unit, name in _UNITS:
        if v >= unit or v <= -unit:
            num = float(_c_int(v / unit))
            if num != 0.0:
                out.append(f"{fmt_double(num)} {name}"
                           if num == 1.0 or num == -1.0 else
                           f"{fmt_double(num)} {name}s")
                v -= num * unit
    return " ".join(out)


# --------------------------------------------------------------------------
# strings

_NEEDS_ESC = re.compile(rb"[\x00-\x1f\x7f-\xff]")
_ESC = {i: b"\\x%02x" % i for i in (*range(0x20), *range(0x7f, 0x100))}


def _esc_one(m: "re.Match") -> bytes:
    return _ESC[m.group()[0]]


def escape_print(b: bytes) -> bytes:
    """BroString::Render(EXPANDED_STRING): bytes < 0x20 and > 0x7e become
    `\\xNN`, lowercase; backslash and quotes stay as they are (§2.6)."""
    if _NEEDS_ESC.search(b) is None:
        return b
    return _NEEDS_ESC.sub(_esc_one, b)


# --------------------------------------------------------------------------
# scalars: one function per kind, bytes out, the same in every context

_addr_text = None          # addrs.addr_to_str / subnet_to_str, bound on first use
_subnet_text = None


def _addr(v: int) -> bytes:
    global _addr_text
    if _addr_text is None:
        from .addrs import addr_to_str
        _addr_text = addr_to_str
    return _addr_text(v).encode("ascii")


def _subnet(v) -> bytes:
    global _subnet_text
    if _subnet_text is None:
        from .addrs import subnet_to_str
        _subnet_text = subnet_to_str
    return _subnet_text(v).encode("ascii")


def _interval(v: float) -> bytes:
    # Only values built as IntervalVal print in unit words; an interval made
    # by a builtin such as double_to_interval prints as a double (§2.4).
    if type(v) is Interval:
        return fmt_interval(v).encode("ascii")
    return fmt_double(v).encode("ascii")


def _enum(v: EnumVal) -> bytes:
    return v.name.encode("latin-1") if v.name is not None else b"<undefined>"


_PORT_SUFFIX = {mask: f"/{proto}".encode() for mask, proto in PORT_PROTOS.items()}


def _file(v: FileVal) -> bytes:
    # BroFile::Describe; our files always carry strings; the nameless
    # internal stdout handle has no name part (bifs/core-3.md §1.2).
    if v.name is None:
        return b"file of string"
    return b'file "' + v.name.encode("latin-1") + b'" of string'


_NO_DESC = b"<no value description>"

_SCALAR = {
    "bool": lambda v: b"T" if v else b"F",
    "count": lambda v: b"%d" % v,
    "counter": lambda v: b"%d" % v,
    "int": lambda v: b"%d" % v,
    "double": lambda v: fmt_double(v).encode("ascii"),
    "time": lambda v: fmt_double(v).encode("ascii"),
    "interval": _interval,
    "pattern": lambda v: b"/" + v.text.encode("latin-1") + b"/",
    "enum": _enum,
    "port": lambda v: b"%d" % (v & 0xFFFF) + _PORT_SUFFIX[v & 0x30000],
    "addr": _addr,
    "subnet": _subnet,
    # A function prints its name; Bro would then dump its body (§1.2: avoid).
    "func": lambda v: v.name.encode("latin-1"),
    "file": _file,
    "opaque": lambda v: _opaque(v),
    "type": lambda v: _NO_DESC,
}

_UNINIT = b"<uninitialized>"


def _opaque(v) -> bytes:
    # Most opaques print `<no value description>`; Broker's data and store
    # handles have their own text (bifs/probabilistic-broker.md §3, §4).
    d = getattr(v.state, "describe_opaque", None)
    return d() if d is not None else _NO_DESC


def _unwrap(t: Type, v):
    """An `any` slot holds an AnyVal: render by its dynamic type (§2.12)."""
    while isinstance(v, AnyVal):
        t, v = v.type, v.value
    if t.kind == K.ANY:
        t = _guess_type(v)
    return t, v


def _guess_type(v) -> Type:
    # Only reached when a bare value sits in an `any` slot without its AnyVal;
    # the checker should prevent that, so this is a last resort.
    if isinstance(v, bool):
        return BOOL
    if isinstance(v, int):
        return INT if v < 0 else COUNT
    if isinstance(v, Interval):
        return INTERVAL
    if isinstance(v, float):
        return DOUBLE
    if isinstance(v, bytes):
        return STRING
    for cls, kind in ((RecordVal, "rtype"), (VectorVal, "vtype"), (TableVal, "ttype")):
        if isinstance(v, cls):
            return getattr(v, kind)
    for cls, kind in ((EnumVal, "enum"), (PatternVal, "pattern"), (FuncVal, "func"),
                      (FileVal, "file")):
        if isinstance(v, cls):
            return BaseType(kind)
    return Type()


# --------------------------------------------------------------------------
# the public entry points

def describe(t: Type, v, mode: str = "print") -> bytes:
    """Render value `v` of static type `t` in context `mode`
    ("print", "raw", "short" or "rawfile"; see the module docstring)."""
    if v is UNSET:
        return _UNINIT
    k = t.kind
    if k == K.ANY:
        t, v = _unwrap(t, v)
        if v is UNSET:
            return _UNINIT
        k = t.kind
    r = _SCALAR.get(k)
    if r is not None:
        return r(v)
    if k == K.STRING:
        return v if mode == "raw" or mode == "rawfile" else escape_print(v)
    if type(v) is bytes:
        # lookup_hostname's "<error>" string where a set is declared
        # (bifs/core-3.md §1.3)
        return v
    d = _Desc(mode)
    d.put(t, v)
    return b"".join(d.parts)


def print_line(types, values) -> bytes:
    """The print statement's line: values joined by `, `, then a newline (§1.1)."""
    return b", ".join([describe(t, v, "print") for t, v in zip(types, values)]) + b"\n"


# --------------------------------------------------------------------------
# containers

class _Desc:
    """Just enough of ODesc to lay out records, vectors and tables.

    `tok` is ODesc::Add (it indents after a newline, in context B only),
    `raw` is AddBytes (never indents: string values in context B),
    `nl`/`sp` are NL()/SP() (never indent; NL writes nothing in short mode).
    Empty chunks are never stored, so parts[-1] always holds the last byte.
    """
    __slots__ = ("parts", "level", "indent", "escape", "newline")

    def __init__(self, mode: str):
        self.parts: list[bytes] = []
        self.level = 0
        self.indent = mode == "raw" or mode == "printhook"
        self.escape = mode != "raw" and mode != "rawfile"
        self.newline = b"" if mode == "short" else b"\n"

    def tok(self, b: bytes) -> None:
        parts = self.parts
        if self.level and self.indent and parts and parts[-1][-1:] == b"\n":
            parts.append(b"\t" * self.level)
        if b:
            parts.append(b)

    def raw(self, b: bytes) -> None:
        if b:
            self.parts.append(b)

    def nl(self) -> None:
        if self.newline:
            self.parts.append(self.newline)

    def put(self, t: Type, v) -> None:
        if v is UNSET or v is None:
            self.tok(_UNINIT)
            return
        k = t.kind
        if k == K.ANY:
            t, v = _unwrap(t, v)
            k = t.kind
        elif k == "record" and not isinstance(v, RecordVal):
            # a builtin that returns another type than it declares
            # (Broker::__vector_replace's F, bifs/probabilistic-broker.md §3):
            # Bro prints the value by its own type
            t = _guess_type(v)
            k = t.kind
        r = _SCALAR.get(k)
        if r is not None:
            self.tok(r(v))
        elif k == K.STRING:
            # Standard style adds the escaped text with Add (it could indent,
            # but only raw style indents and raw style uses AddBytes).
            if self.escape:
                self.tok(escape_print(v))
            else:
                self.raw(v)
        elif k == K.RECORD:
            self.record(v)
        elif k == K.VECTOR:
            self.vector(t, v)
        elif k == K.TABLE:
            self.table(t, v)
        else:
            self.tok(_NO_DESC)

    def record(self, v: RecordVal) -> None:
        # RecordVal::Describe: `[name=value, ...]`, unset fields shown (§2.13).
        # The value's own type is used: it has every field `redef` added.
        self.tok(b"[")
        for i, (f, x) in enumerate(zip(v.rtype.fields, v.vals)):
            if i:
                self.tok(b", ")
            self.tok(f.name.encode("latin-1"))
            self.tok(b"=")
            self.put(f.type, x)
        self.tok(b"]")

    def vector(self, t: Type, v: VectorVal) -> None:
        # VectorVal::ValDescribe: a hole writes nothing between the `, ` (§2.14).
        yt = (v.vtype.yield_ if v.vtype is not None else None) or t.yield_
        self.tok(b"[")
        for i, x in enumerate(v.items):
            if i:
                self.tok(b", ")
            if x is not UNSET and x is not None:
                self.put(yt, x)
        self.tok(b"]")

    def table(self, t: Type, v: TableVal) -> None:
        # TableVal::Describe (§1.4): `{`, PushIndent (level+1, NL), entries
        # separated by `,` NL, PopIndent (level-1, NL), `}`.
        tt = v.ttype if v.ttype is not None and not v.ttype.unspecified else t
        itypes = tt.indices or ()
        is_set = tt.is_set
        yt = tt.yield_
        self.tok(b"{")
        self.level += 1
        self.nl()
        first = True
        for idx, val in v.data.values():
            if first:
                first = False
            else:
                self.tok(b",")
                self.nl()
            dim = len(idx)
            if dim != 1 or not is_set:
                self.tok(b"[")
            for i, x in enumerate(idx):
                if i:
                    self.tok(b",")
                    self.parts.append(b" ")
                self.put(itypes[i] if i < len(itypes) else _guess_type(x), x)
            if is_set:
                if dim != 1:
                    self.tok(b"]")
                    self.parts.append(b" ")     # AddSP: the trailing blank
            else:
                self.tok(b"] =")
                self.parts.append(b" ")
                if val is not None:
                    self.put(yt, val)
        self.level -= 1
        self.nl()
        self.tok(b"}")
