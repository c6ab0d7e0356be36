"""How a column value becomes text: the ASCII formatter (bifs/logging-input.md
§1.9.6, algorithms D, T, S and escape E) and the JSON formatter (§1.9.7)."""
from __future__ import annotations

import math
import time as _time

from ..runtime.addrs import addr_to_str, subnet_to_str
from ..runtime.describe import fmt_double, modp6
from ..runtime.values import UNSET, AnyVal

_THRES = 2147483647.0


def fmt_log_double(d: float) -> str:
    """Algorithm D: print's double format up to 2^31-1, above it C's %.6f
    with trailing zeros and point stripped, `.0` when integral (§1.9.6)."""
    if d != d:
        return "nan"
    if abs(d) <= _THRES:
        return fmt_double(d)
    if math.isinf(d):
        return "inf" if d > 0 else "-inf"
    s = ("%.6f" % d).rstrip("0").rstrip(".")
    if d == int(d):
        s += ".0"
    return s


def fmt_log_time(v: float) -> str:
    """Algorithm T: modp_dtoa with precision 6, never stripped (§1.9.6)."""
    if v != v:
        return "nan"
    a = abs(v)
    if a > _THRES:
        return "%e" % v
    whole, frac = modp6(a)
    return ("-" if v < 0 else "") + "%d.%06d" % (whole, frac)


def hexbyte(b: int) -> bytes:
    return b"\\x%02x" % b


def header_escape(data: bytes) -> bytes:
    """The escape of header values (§1.9.3): whitespace, non-ASCII and
    non-printable bytes become \\xNN; a backslash stays."""
    out = bytearray()
    for b in data:
        if b in b" \t\n\v\f\r" or b < 0x20 or b >= 0x7f:
            out += hexbyte(b)
        else:
            out.append(b)
    return bytes(out)


# the bytes that escape() always rewrites: control bytes, DEL and above, backslash
_SPECIAL = bytes(range(0x20)) + bytes(range(0x7f, 0x100)) + b"\\"


def escape(data: bytes, seqs) -> bytes:
    """Escape E (§1.9.6); `seqs` sorted, so the smallest match wins."""
    # most values need nothing: none of those bytes, no separator in them
    # (a cluster's logger writes tens of thousands of lines; issue 12)
    if len(data.translate(None, _SPECIAL)) == len(data):
        for s in seqs:
            if s and s in data:
                break
        else:
            return bytes(data)
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        b = data[i]
        if b < 0x20 or b >= 0x7f:
            out += hexbyte(b)
            i += 1
            continue
        if b == 0x5c:
            out += b"\\\\"
            i += 1
            continue
        for s in seqs:
            if s and data.startswith(s, i):
                for c in s:
                    out += hexbyte(c)
                i += len(s)
                break
        else:
            out.append(b)
            i += 1
    return bytes(out)


def unwrap(v):
    while isinstance(v, AnyVal):
        v = v.value
    return v


def scalar_bytes(kind, v) -> bytes:
    """The unescaped text of a set atomic value (§1.9.6 table)."""
    if kind == "bool":
        return b"T" if v else b"F"
    if kind in ("int", "count"):
        return b"%d" % v
    if kind == "port":
        return b"%d" % (v & 0xFFFF)
    if kind == "addr":
        return addr_to_str(v).encode()
    if kind == "subnet":
        return subnet_to_str(v).encode()
    if kind == "double":
        return fmt_log_double(v).encode()
    if kind in ("time", "interval"):
        return fmt_log_time(v).encode()
    return string_bytes(kind, v)


def string_bytes(kind, v) -> bytes:
    if kind == "enum":
        return v.name.encode("latin-1") if v.name is not None else b""
    if kind == "file":
        return v.name.encode("latin-1")
    if kind == "func":
        return func_text(v)
    return v


def func_text(v) -> bytes:
    """A function column: its name, a newline, its body as print dumps it
    (§1.4).  broscript keeps no body text, so only the name and the newline
    are written."""
    return v.name.encode("latin-1")


class AsciiFormat:
    """The ASCII formatter for one writer's options."""

    def __init__(self, sep: bytes, set_sep: bytes, empty: bytes, unset: bytes):
        self.sep, self.set_sep, self.empty, self.unset = sep, set_sep, empty, unset
        self.seqs = sorted({sep})
        self.cseqs = sorted({sep, set_sep})

    def value(self, t, v, seqs) -> bytes:
        v = unwrap(v)
        if v is UNSET or v is None:
            return escape(self.unset, seqs)
        k = t.kind
        if k in ("string", "enum", "file", "func"):
            data = string_bytes(k, v)
            if data == b"":
                return escape(self.empty, seqs)
            if data == self.unset or data == self.empty:
                return hexbyte(data[0]) + escape(data[1:], seqs)
            return escape(data, seqs)
        return escape(scalar_bytes(k, v), seqs)

    def field(self, t, v) -> bytes:
        v = unwrap(v)
        k = t.kind
        if v is UNSET or v is None or (k != "table" and k != "vector"):
            return self.value(t, v, self.seqs)
        if k == "table":
            et = t.indices[0]
            elems = [idx[0] for idx, _ in v.data.values()]
        else:
            et = t.yield_
            elems = v.items
        if not elems:
            return escape(self.empty, self.seqs)
        return self.set_sep.join(self.value(et, e, self.cseqs) for e in elems)


# --------------------------------------------------------------------------
# JSON (§1.9.7)

def json_string(data: bytes) -> bytes:
    out = bytearray(b'"')
    for b in data:
        if b < 0x20 or b > 0x7e or b in b"\"'\\&":
            out += b"\\u%04x" % b
        else:
            out.append(b)
    out += b'"'
    return bytes(out)


def json_double(d: float) -> bytes:
    """print's double format, %e above 2^31-1 (values.md §2.3)."""
    return fmt_double(d).encode()


class JsonFormat:
    def __init__(self, ts_format: str, report):
        self.ts = ts_format           # "TS_EPOCH" | "TS_MILLIS" | "TS_ISO8601"
        self.report = report          # a writer error message that is not fatal

    def value(self, t, v) -> bytes:
        v = unwrap(v)
        if v is UNSET or v is None:
            return b""
        k = t.kind
        if k == "bool":
            return b"true" if v else b"false"
        if k in ("int", "count"):
            if k == "count" and v >= (1 << 63) - 1:
                self.report(f"count value too large for JSON: {v}")
                return b"null"
            return b"%d" % v
        if k == "port":
            return b"%d" % (v & 0xFFFF)
        if k in ("addr", "subnet"):
            return b'"' + scalar_bytes(k, v) + b'"'
        if k in ("double", "interval"):
            return json_double(v)
        if k == "time":
            return self.time(v)
        if k in ("string", "enum", "file", "func"):
            return json_string(string_bytes(k, v))
        if k == "table":
            et = t.indices[0]
            return b"[" + b",".join(self.value(et, idx[0]) for idx, _ in v.data.values()) + b"]"
        if k == "vector":
            return b"[" + b",".join(self.value(t.yield_, e) for e in v.items) + b"]"
        return b""

    def time(self, v: float) -> bytes:
        if self.ts == "TS_MILLIS":
            ms = math.trunc(v * 1000)
            if ms < 0 or ms >= 1 << 64:
                self.report(f"time value too large for JSON milliseconds: {fmt_double(v)}")
                return b"null"
            return b"%d" % ms
        if self.ts == "TS_ISO8601":
            frac, _ = math.modf(v)
            if frac < 0:
                frac += 1
            base = _time.strftime("%Y-%m-%dT%H:%M:%S", _time.gmtime(math.floor(v)))
            return b'"%s.%06.0fZ"' % (base.encode(), abs(frac) * 1000000)
        return json_double(v)

    def row(self, columns, values) -> bytes:
        parts = []
        for c, v in zip(columns, values):
            if unwrap(v) is UNSET or v is None:
                continue
            parts.append(b'"' + c.name.encode("latin-1") + b'":' + self.value(c.type, v))
        return b"{" + b",".join(parts) + b"}"
