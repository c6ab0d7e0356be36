"""Conversions (values.md §6.4)."""
from __future__ import annotations

import math
import re

from ..runtime.values import (AnyVal, make_port, port_num, addr_is_v4, make_subnet, Subnet)
from .registry import builtin

_UINT = re.compile(rb"\s*([+-]?)(\d+)")
_FLOAT = re.compile(rb"\s*[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|nan)", re.I)


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


@builtin("function to_count(str: string): count")
def to_count(ctx, s):
    m = _UINT.match(s)
    if not m or m.end() != len(s):
        ctx.builtin_error("bad conversion to count", s.decode("latin-1"))
        return 0
    n = int(m.group(2))
    return (-n if m.group(1) == b"-" else n) & 0xFFFFFFFFFFFFFFFF


@builtin("function to_int(str: string): int")
def to_int(ctx, s):
    m = _UINT.match(s)
    if not m:
        return 0
    n = int(m.group(2)) * (-1 if m.group(1) == b"-" else 1)
    return max(-(1 << 63), min((1 << 63) - 1, n))


@builtin("function to_double(str: string): double")
def to_double(ctx, s):
    m = _FLOAT.match(s)
    if not m or m.end() != len(s):
        ctx.builtin_error("bad conversion to double", s.decode("latin-1"))
        return 0.0
    return float(s)


@builtin("function int_to_count(n: int): count")
def int_to_count(ctx, n):
    if n < 0:
        ctx.builtin_error("bad conversion to count", str(n))
        return 0
    return n


@builtin("function double_to_count(d: double): count")
def double_to_count(ctx, d):
    if d < 0.0:
        ctx.builtin_error("bad conversion to count", str(d))
    if not math.isfinite(d):
        return 1 << 63      # x86's conversion of inf/NaN, the 'integer indefinite'
    return int(round(d)) & 0xFFFFFFFFFFFFFFFF


@builtin("function port_to_count(p: port): count")
def port_to_count(ctx, p):
    return port_num(p)


@builtin("function count_to_port(num: count, proto: transport_proto): port")
def count_to_port(ctx, num, proto):
    name = proto.name if proto.name != "unknown_transport" else "unknown"
    return make_port(num & 0xFFFF, name)


@builtin("function get_port_transport_proto(p: port): transport_proto")
def get_port_transport_proto(ctx, p):
    from ..runtime.values import port_proto
    name = port_proto(p)
    return ctx.interp.lookup_enum("transport_proto", "unknown_transport" if name == "unknown" else name)


@builtin("function enum_to_int(e: any): int")
def enum_to_int(ctx, e):
    t, v = e.type, e.value
    while isinstance(v, AnyVal):
        t, v = v.type, v.value
    if t.kind != "enum":
        # Bro's BIF checks its `any` argument at run time (bro.bif)
        ctx.builtin_error("enum_to_int() requires enum value")
        return -1
    return v.num


@builtin("function to_addr(ip: string): addr")
def to_addr(ctx, ip):
    from ..runtime.addrs import parse_addr
    try:
        return parse_addr(ip.decode("latin-1"))
    except ValueError:
        ctx.builtin_error("failed converting string to IP address", ip.decode("latin-1"))
        return 0


@builtin("function is_v4_addr(a: addr): bool")
def is_v4_addr(ctx, a):
    return addr_is_v4(a)


@builtin("function is_v6_addr(a: addr): bool")
def is_v6_addr(ctx, a):
    return not addr_is_v4(a)


@builtin("function addr_to_subnet(a: addr): subnet")
def addr_to_subnet(ctx, a):
    return make_subnet(a, 32 if addr_is_v4(a) else 128)


@builtin("function subnet_to_addr(sn: subnet): addr")
def subnet_to_addr(ctx, sn):
    return sn.prefix


_PORT_TEXT = re.compile(rb"([0-9]{1,5})/(tcp|udp|icmp)")


@builtin("function to_port(s: string): port")
def to_port(ctx, s):
    m = _PORT_TEXT.fullmatch(s)
    if m is None or int(m.group(1)) > 65535:
        ctx.builtin_error("wrong port format, must be /[0-9]{1,5}\\/(tcp|udp|icmp)/")
        return make_port(0, "unknown")
    return make_port(int(m.group(1)), m.group(2).decode("ascii"))


@builtin("function to_subnet(sn: string): subnet")
def to_subnet(ctx, sn):
    # IPPrefix::ConvertString: `addr/width`, the width within the family
    from ..runtime.addrs import parse_addr
    text = sn.decode("latin-1")
    addr, slash, width = text.partition("/")
    try:
        a = parse_addr(addr)
        ok = slash and width.isdigit() and int(width) <= (32 if addr_is_v4(a) else 128)
    except ValueError:
        ok = False
    if not ok:
        ctx.builtin_error("failed converting string to IP prefix", text)
        return Subnet(0, 0)         # Bro's empty IPPrefix, ::/0
    return make_subnet(a, int(width))


@builtin("function subnet_width(sn: subnet): count")
def subnet_width(ctx, sn):
    return sn.width - 96 if addr_is_v4(sn.prefix) and sn.width >= 96 else sn.width


@builtin("function mask_addr(a: addr, top_bits_to_keep: count): subnet")
def mask_addr(ctx, a, top_bits_to_keep):
    # IPPrefix(addr, uint8_t length): the count is cut to 8 bits, and a
    # length beyond the family's width is Bro's internal error (values.md §2.9)
    bits = top_bits_to_keep & 0xFF
    family, limit = ("v4", 32) if addr_is_v4(a) else ("v6", 128)
    if bits > limit:
        from ..errors import BroError
        raise BroError(f"Bad IPAddr({family}) IPPrefix length : {bits}", ctx.loc,
                       kind="internal error")
    return make_subnet(a, bits)


@builtin("function remask_addr(a1: addr, a2: addr, top_bits_from_a1: count): addr")
def remask_addr(ctx, a1, a2, top_bits_from_a1):
    # IPAddr::Mask/ReverseMask(int) count bits of the 128-bit form, so for
    # IPv4 the caller adds 96; out of range, each reports it and masks nothing
    bits = top_bits_from_a1 & 0xFFFFFFFF
    bits = bits - (1 << 32) if bits >> 31 else bits
    if not 0 <= bits <= 128:
        ctx.rt.reporter.error(f"Bad IPAddr::Mask value {bits}", ctx.loc)
        ctx.rt.reporter.error(f"Bad IPAddr::ReverseMask value {bits}", ctx.loc)
        return a1 | a2
    top = ((1 << 128) - 1) ^ ((1 << (128 - bits)) - 1)
    return (a1 & top) | (a2 & ~top & ((1 << 128) - 1))
