"""Addresses and subnets: family tests, text and number conversions, PTR
names, masking, and the subnet-table lookups (bifs/core-2.md §1, §2, §6;
bifs/core-1.md §6 matching_subnets/filter_subnet_table/check_subnet)."""
from __future__ import annotations

import re

from .. import types as T
from ..errors import NoValue, ScriptExit
from ..runtime.addrs import _pton6
from ..runtime.describe import describe
from ..runtime.ops import key_of
from ..runtime.values import (V4_MAPPED, Subnet, TableVal, VectorVal, addr_is_v4,
                              make_subnet)
from .bifutil import (c_string, dynamic, escaped, named_type, reporter_error,
                      reporter_warning)
from .registry import builtin

_ALL = (1 << 128) - 1
_V4_ZERO = V4_MAPPED            # 0.0.0.0


def _mask(bits: int) -> int:
    """The top `bits` of 128 set."""
    return _ALL ^ ((1 << (128 - bits)) - 1) if bits else 0


def _internal_error(ctx, msg: str):
    # Bro's internal error: the message, then abort()
    ctx.rt.reporter.write(f"internal error: {msg}")
    raise ScriptExit(134)


# ---------------------------------------------------------------- text -> addr
# C sscanf("%d.%d.%d.%d"): whitespace and a sign before each number, the
# dots exact, anything after the fourth number ignored (IPAddr.cc)
_SCANF_QUAD = re.compile(r"\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)")


def parse_ip_text(s: str):
    """Bro's IPAddr string conversion: the address, or None on failure."""
    if ":" not in s:
        m = _SCANF_QUAD.match(s)
        if m is None:
            return None
        parts = [int(g) for g in m.groups()]
        if any(not 0 <= p <= 255 for p in parts):
            return None
        return V4_MAPPED | (parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]
    try:
        return _pton6(s)
    except ValueError:
        return None


def _to_addr(ctx, s: str) -> int:
    a = parse_ip_text(s)
    if a is None:
        reporter_error(ctx, f"Bad IP address: {s}")
        return 0                                    # ::
    return a


@builtin("function to_addr(ip: string): addr")
def to_addr(ctx, ip):
    # no NUL check: the bytes are rendered as text first (bifs/core-2.md §0)
    return _to_addr(ctx, escaped(ip))


def _prefix(ctx, a: int, length: int) -> Subnet:
    """IPPrefix(addr, uint8 length): too long for the family is fatal."""
    length &= 0xFF
    if addr_is_v4(a):
        if length > 32:
            _internal_error(ctx, f"Bad IPAddr(v4) IPPrefix length : {length}")
    elif length > 128:
        _internal_error(ctx, f"Bad IPAddr(v6) IPPrefix length : {length}")
    return make_subnet(a, length)


_ATOI = re.compile(r"\s*([+-]?\d+)")


@builtin("function to_subnet(sn: string): subnet")
def to_subnet(ctx, sn):
    s = escaped(sn)
    if "/" not in s:
        reporter_error(ctx, f"Bad string in SubNetVal ctor: {s}")
        return Subnet(0, 0)
    left, _, right = s.partition("/")
    a = _to_addr(ctx, left)
    m = _ATOI.match(right)
    n = int(m.group(1)) if m else 0
    return _prefix(ctx, a, n)


@builtin("function mask_addr(a: addr, top_bits_to_keep: count): subnet")
def mask_addr(ctx, a, top_bits_to_keep):
    return _prefix(ctx, a, top_bits_to_keep)


@builtin("function remask_addr(a1: addr, a2: addr, top_bits_from_a1: count): addr")
def remask_addr(ctx, a1, a2, top_bits_from_a1):
    # IPAddr::Mask/ReverseMask(int) on the 128-bit form; out of range each
    # reports and masks nothing, leaving the OR of both (bifs/core-2.md §6)
    bits = top_bits_from_a1 & 0xFFFFFFFF
    bits = bits - (1 << 32) if bits >> 31 else bits
    if not 0 <= bits <= 128:
        reporter_error(ctx, f"Bad IPAddr::Mask value {bits}")
        reporter_error(ctx, f"Bad IPAddr::ReverseMask value {bits}")
        return a1 | a2
    top = _mask(bits)
    return (a1 & top) | (a2 & ~top & _ALL)


# ---------------------------------------------------------------- families
@builtin("function is_v4_addr(a: addr): bool")
def is_v4_addr(ctx, a):
    return addr_is_v4(a)


@builtin("function is_v6_addr(a: addr): bool")
def is_v6_addr(ctx, a):
    return not addr_is_v4(a)


def _subnet_is_v4(sn: Subnet) -> bool:
    return addr_is_v4(sn.prefix) and sn.width >= 96


@builtin("function is_v4_subnet(s: subnet): bool")
def is_v4_subnet(ctx, s):
    return _subnet_is_v4(s)


@builtin("function is_v6_subnet(s: subnet): bool")
def is_v6_subnet(ctx, s):
    return not _subnet_is_v4(s)


@builtin("function addr_to_subnet(a: addr): subnet")
def addr_to_subnet(ctx, a):
    return make_subnet(a, 32 if addr_is_v4(a) else 128)


@builtin("function subnet_to_addr(sn: subnet): addr")
def subnet_to_addr(ctx, sn):
    return sn.prefix


@builtin("function subnet_width(sn: subnet): count")
def subnet_width(ctx, sn):
    return sn.width - 96 if _subnet_is_v4(sn) else sn.width


# ---------------------------------------------------------------- numbers
@builtin("function count_to_v4_addr(ip: count): addr")
def count_to_v4_addr(ctx, ip):
    if ip > 0xFFFFFFFF:
        ctx.builtin_error("conversion of non-IPv4 count to addr", str(ip))
        return _V4_ZERO
    return V4_MAPPED | ip


@builtin("function raw_bytes_to_v4_addr(b: string): addr")
def raw_bytes_to_v4_addr(ctx, b):
    if len(b) < 4:
        ctx.builtin_error("too short a string as input to raw_bytes_to_v4_addr()")
        return _V4_ZERO
    return V4_MAPPED | int.from_bytes(b[:4], "big")


@builtin("function addr_to_counts(a: addr): index_vec")
def addr_to_counts(ctx, a):
    words = [a & 0xFFFFFFFF] if addr_is_v4(a) else \
        [(a >> s) & 0xFFFFFFFF for s in (96, 64, 32, 0)]
    return VectorVal(named_type(ctx, "index_vec"), words)


@builtin("function counts_to_addr(v: index_vec): addr")
def counts_to_addr(ctx, v):
    items = v.items
    if len(items) == 1:
        return V4_MAPPED | (items[0] & 0xFFFFFFFF)
    if len(items) == 4:
        a = 0
        for w in items:
            a = (a << 32) | (w & 0xFFFFFFFF)
        return a
    ctx.builtin_error("invalid vector size", describe(v.vtype, v, "short").decode("latin-1"))
    return 0


@builtin("function routing0_data_to_addrs(s: string): addr_vec", lazy=True)
def routing0_data_to_addrs(ctx, s):
    n = len(s) - 4
    if n % 16:
        reporter_warning(ctx, f"Bad ip6_routing data length: {len(s)}")
    out = []
    data = s[4:]
    # a short last block reads past the end in Bro (undefined); we pad with 0
    for i in range(0, max(n, 0), 16):
        out.append(int.from_bytes(data[i:i + 16].ljust(16, b"\x00"), "big"))
    return VectorVal(named_type(ctx, "addr_vec"), out)


# ---------------------------------------------------------------- PTR names
_PTR4 = re.compile(rb"\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*([+-]?\d+)\.\s*(\S{1,12})")
_PTR6 = re.compile(rb"(?:[0-9a-fA-F]\.){32}ip6\.arpa")


@builtin("function ptr_name_to_addr(s: string): addr")
def ptr_name_to_addr(ctx, s):
    s = c_string(ctx, s)
    if len(s) != 72:
        m = _PTR4.match(s)
        if m is not None and m.group(5) == b"in-addr.arpa":
            n = [int(g) for g in m.groups()[:4]]
            # each number is shifted into place and OR-ed in (bro.bif)
            v = (n[3] << 24 | n[2] << 16 | n[1] << 8 | n[0]) & 0xFFFFFFFF
            return V4_MAPPED | v
        ctx.builtin_error("bad PTR name", describe(T.STRING, s, "short").decode("latin-1"))
        return _V4_ZERO
    if _PTR6.fullmatch(s):
        a = 0
        for i in range(31, -1, -1):     # the first digit is the lowest nibble
            a = (a << 4) | int(s[2 * i:2 * i + 1], 16)
        return a
    ctx.builtin_error("bad PTR name", describe(T.STRING, s, "short").decode("latin-1"))
    return 0


@builtin("function addr_to_ptr_name(a: addr): string")
def addr_to_ptr_name(ctx, a):
    if addr_is_v4(a):
        b = [(a >> s) & 0xFF for s in (0, 8, 16, 24)]
        return f"{b[0]}.{b[1]}.{b[2]}.{b[3]}.in-addr.arpa".encode("ascii")
    return ("".join(f"{(a >> (4 * i)) & 0xF:x}." for i in range(32)) + "ip6.arpa").encode("ascii")


# ---------------------------------------------------------------- subnet tables
def _subnet_table(ctx, t, name: str):
    """The table of a set[subnet]/table[subnet] argument, or no value after
    Bro's reporter error."""
    tt, tab = dynamic(t)
    if (tt.kind != "table" or not tt.indices or len(tt.indices) != 1
            or tt.indices[0].kind != "subnet"):
        reporter_error(ctx, f"{name} needs to be called on a set[subnet]/table[subnet].")
        raise NoValue
    return tt, tab


def _contains(key: Subnet, search: Subnet) -> bool:
    return key.width <= search.width and search.prefix & _mask(key.width) == key.prefix


def _matches(tab: TableVal, search: Subnet):
    """The entries whose key contains `search`, longest prefix first, as
    Bro's patricia search_all gives them, with its quirk: when `search` is
    not a key, the first tree node below it is reported too if it is a key
    with the same network address (bifs/core-1.md §6 matching_subnets)."""
    entries = [e for e in tab.data.values() if _contains(e[0][0], search)]
    entries.sort(key=lambda e: -e[0][0].width)
    if not any(e[0][0] == search for e in entries):
        below = [e for e in tab.data.values()
                 if e[0][0].width > search.width and _contains(search, e[0][0])]
        if below:
            top = min(below, key=lambda e: e[0][0].width)
            # the first node is `top` only if it covers every key below
            if (top[0][0].prefix == search.prefix
                    and all(_contains(top[0][0], e[0][0]) for e in below)):
                entries.insert(0, top)
    return entries


@builtin("function matching_subnets(search: subnet, t: any): subnet_vec", lazy=True)
def matching_subnets(ctx, search, t):
    _, tab = _subnet_table(ctx, t, "matching_subnets")
    return VectorVal(named_type(ctx, "subnet_vec"), [e[0][0] for e in _matches(tab, search)])


@builtin("function filter_subnet_table(search: subnet, t: any): any")
def filter_subnet_table(ctx, search, t):
    from ..runtime.values import AnyVal
    tt, tab = _subnet_table(ctx, t, "filter_subnet_table")
    out = TableVal(tt)          # no attributes carried over (Val.cc)
    for idx, val in _matches(tab, search):
        out.data[key_of(idx)] = [list(idx), val]
    return AnyVal(tt, out)


@builtin("function check_subnet(search: subnet, t: any): bool")
def check_subnet(ctx, search, t):
    _, tab = _subnet_table(ctx, t, "check_subnet")
    return key_of([search]) in tab.data
