"""Conversions of numbers, times, ports and byte strings (bifs/core-2.md §2,
§6; values.md §6.4). Where Bro calls the C library (strtoll, strtoull,
strtod, sscanf) the parsing below follows glibc, as the spec describes."""
from __future__ import annotations

import math
import re
import struct

from .. import types as T
from ..runtime.describe import describe
from ..runtime.values import make_port, port_num, port_proto
from .bifutil import c_string, dynamic, reporter_error, reporter_warning, text
from .registry import builtin

_M64 = (1 << 64) - 1
_INT_MIN, _INT_MAX = -(1 << 63), (1 << 63) - 1
_C_SPACE = b" \t\n\v\f\r"

# strtol family: leading C whitespace, an optional sign, decimal digits
_STRTOL = re.compile(rb"[ \t\n\v\f\r]*([+-]?)([0-9]+)")
# strtod: decimal or hex float, inf/infinity, nan (with optional "(chars)")
_STRTOD = re.compile(
    rb"[ \t\n\v\f\r]*[+-]?(?:"
    rb"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?"
    rb"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    rb"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?"
    rb"|[nN][aA][nN](?:\([0-9A-Za-z_]*\))?)")


def _short(t, v) -> str:
    """An argument as error messages show it (values.md §1.3 context C)."""
    return describe(t, v, "short").decode("latin-1")


def strtod(s: bytes):
    """(value, bytes consumed) of C strtod, or (0.0, 0) when nothing parses."""
    m = _STRTOD.match(s)
    if m is None:
        return 0.0, 0
    body = m.group().strip(_C_SPACE)
    sign = -1.0 if body[:1] == b"-" else 1.0
    b = body.lstrip(b"+-").lower()
    if b.startswith(b"0x"):
        h = b[2:]
        if b"p" not in h:
            h += b"p0"
        mant, _, exp = h.partition(b"p")
        if mant.startswith(b"."):
            mant = b"0" + mant
        try:
            v = float.fromhex((mant + b"p" + exp).decode())
        except OverflowError:
            v = math.inf
    elif b.startswith(b"inf"):
        v = math.inf
    elif b.startswith(b"nan"):
        v = math.nan
    else:
        v = float(b)
    return sign * v, m.end()


# ---------------------------------------------------------------- numbers
@builtin("function to_int(str: string): int")
def to_int(ctx, str):
    # strtoll in base 10; the error check in bro.bif is compiled out
    m = _STRTOL.match(c_string(ctx, str))
    if m is None:
        return 0
    n = int(m.group(2)) * (-1 if m.group(1) == b"-" else 1)
    return max(_INT_MIN, min(_INT_MAX, n))


@builtin("function to_count(str: string): count")
def to_count(ctx, str):
    s = c_string(ctx, str)
    m = _STRTOL.match(s)
    if not s or m is None or m.end() != len(s):
        ctx.builtin_error("bad conversion to count", _short(T.STRING, s))
        return 0
    n = int(m.group(2))
    if n > _M64:
        return _M64                  # strtoull saturates, whatever the sign
    return (-n if m.group(1) == b"-" else n) & _M64


@builtin("function to_double(str: string): double")
def to_double(ctx, str):
    s = c_string(ctx, str)
    v, end = strtod(s)
    if not s or end == 0 or end != len(s):
        ctx.builtin_error("bad conversion to double", _short(T.STRING, s))
        return 0.0
    return v


@builtin("function int_to_count(n: int): count")
def int_to_count(ctx, n):
    if n < 0:
        ctx.builtin_error("bad conversion to count", _short(T.INT, n))
        return 0
    return n


@builtin("function double_to_count(d: double): count")
def double_to_count(ctx, d):
    if d < 0.0:
        # reported, but the rounded value is converted anyway (bro.bif)
        ctx.builtin_error("bad conversion to count", _short(T.DOUBLE, d))
    if not math.isfinite(d) or abs(d) >= 2.0 ** 64:
        return 1 << 63      # x86's conversion of what does not fit, 'integer indefinite'
    return int(round(d)) & _M64      # C rint(): ties to even, as Python's round


@builtin("function enum_to_int(e: any): int")
def enum_to_int(ctx, e):
    t, v = dynamic(e)
    if t.kind != "enum":
        ctx.builtin_error("enum_to_int() requires enum value")
        return -1
    return v.num


# ---------------------------------------------------------------- times
@builtin("function double_to_time(d: double): time")
def double_to_time(ctx, d):
    return float(d)


@builtin("function double_to_interval(d: double): interval")
def double_to_interval(ctx, d):
    # a plain interval: prints as a double, not in unit words (values.md §2.4)
    return float(d)


@builtin("function time_to_double(t: time): double")
def time_to_double(ctx, t):
    return float(t)


@builtin("function interval_to_double(i: interval): double")
def interval_to_double(ctx, i):
    return float(i)


# ---------------------------------------------------------------- ports
def _port(ctx, num: int, proto: str) -> int:
    """Bro's PortVal: a number outside 0-65535 is warned about (as a signed
    32-bit number) and becomes 0 (bifs/core-2.md §2 count_to_port)."""
    n = num & 0xFFFFFFFF
    if n >= 65536:
        reporter_warning(ctx, f"bad port number {n - (1 << 32) if n >> 31 else n}")
        n = 0
    return make_port(n, proto)


@builtin("function port_to_count(p: port): count")
def port_to_count(ctx, p):
    return port_num(p)


@builtin("function count_to_port(num: count, proto: transport_proto): port")
def count_to_port(ctx, num, proto):
    name = "unknown" if proto.name == "unknown_transport" else proto.name
    return _port(ctx, num, name)


@builtin("function to_port(s: string): port")
def to_port(ctx, s):
    num = 0
    if len(s) < 10:
        s = c_string(ctx, s)
        m = _STRTOL.match(s)
        end = 0
        if m is not None:
            num = max(-(1 << 63), min((1 << 63) - 1, int(m.group(1) + m.group(2))))
            end = m.end()
        # exactly one byte after the number is skipped, whatever it is
        rest = s[end + 1:]
        if rest in (b"tcp", b"udp", b"icmp"):
            return _port(ctx, num, rest.decode())
    ctx.builtin_error("wrong port format, must be /[0-9]{1,5}\\/(tcp|udp|icmp)/")
    return _port(ctx, num, "unknown")


def _transport(ctx, name: str):
    return ctx.interp.lookup_enum("transport_proto",
                                  "unknown_transport" if name == "unknown" else name)


@builtin("function get_port_transport_proto(p: port): transport_proto")
def get_port_transport_proto(ctx, p):
    return _transport(ctx, port_proto(p))


@builtin("function get_conn_transport_proto(cid: conn_id): transport_proto", lazy=True)
def get_conn_transport_proto(ctx, cid):
    # a run without packets has no live connection to look up (bro.bif)
    ctx.builtin_error("unknown connection id in get_conn_transport_proto()",
                      _short(cid.rtype, cid))
    return _transport(ctx, "unknown")


@builtin("function is_tcp_port(p: port): bool")
def is_tcp_port(ctx, p):
    return port_proto(p) == "tcp"


@builtin("function is_udp_port(p: port): bool")
def is_udp_port(ctx, p):
    return port_proto(p) == "udp"


@builtin("function is_icmp_port(p: port): bool")
def is_icmp_port(ctx, p):
    return port_proto(p) == "icmp"


# ---------------------------------------------------------------- bytes
@builtin("function bytestring_to_double(s: string): double")
def bytestring_to_double(ctx, s):
    if len(s) != 8:
        ctx.builtin_error("bad conversion to double")
        return 0.0
    return struct.unpack(">d", s)[0]


@builtin("function bytestring_to_count(s: string, is_le: bool &default=F): count")
def bytestring_to_count(ctx, s, is_le=False):
    if len(s) not in (1, 2, 4, 8):
        ctx.builtin_error("unsupported byte length for bytestring_to_count")
        return 0
    return int.from_bytes(s, "little" if is_le else "big")


@builtin("function bytestring_to_hexstr(bytestring: string): string")
def bytestring_to_hexstr(ctx, bytestring):
    return bytestring.hex().encode("ascii")


_HEXDIGITS = b"0123456789abcdefABCDEF"


def _scan_hex2(s: bytes):
    """C sscanf("%2hhx") at the start of `s`: (byte, None), or (None, why)
    with why "eof" (only whitespace left) or "bad" (nothing convertible)."""
    i = 0
    while i < len(s) and s[i] in _C_SPACE:
        i += 1
    if i == len(s):
        return None, "eof"
    field = s[i:i + 2]
    neg = field[:1] == b"-"
    if field[:1] in (b"+", b"-"):
        field = field[1:]
    if field[:2].lower() == b"0x":
        return 0, None               # a bare 0x prefix reads as 0
    digits = b""
    for c in field:
        if c not in _HEXDIGITS:
            break
        digits += bytes([c])
    if not digits:
        return None, "bad"
    v = int(digits, 16)
    return (-v if neg else v) & 0xFF, None


@builtin("function hexstr_to_bytestring(hexstr: string): string")
def hexstr_to_bytestring(ctx, hexstr):
    s = c_string(ctx, hexstr)
    if len(s) % 2:
        reporter_error(ctx, f"Hex string '{text(s)}' has invalid length (not divisible by 2)")
        return b""
    out = bytearray()
    for i in range(len(s) // 2):
        v, why = _scan_hex2(s[2 * i:])
        if why == "eof":
            reporter_error(ctx, f"Hex string {text(s)} contains invalid input: Success")
            return b""
        if why == "bad":
            reporter_error(ctx, f"Could not read hex element from input {text(s)}")
            return b""
        out.append(v)
    return bytes(out)


@builtin("function uuid_to_string(uuid: string): string")
def uuid_to_string(ctx, uuid):
    if len(uuid) != 16:
        return b"<Invalid UUID>"
    a, b, c = struct.unpack("<IHH", uuid[:8])     # host (little-endian) order
    rest = uuid[8:]
    return (f"{a:08x}-{b:04x}-{c:04x}-{rest[0]:02x}{rest[1]:02x}-"
            + "".join(f"{x:02x}" for x in rest[2:])).encode("ascii")

