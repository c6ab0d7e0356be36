"""Address and subnet text: parsing and Bro's own rendering.

Addresses are 128-bit ints; IPv4 lives in the v4-mapped range ::ffff:a.b.c.d
(values.py).  Rendering follows Bro 2.6 exactly (values.md §2.8-§2.9,
hashing.md §4.5-§4.6): v4-mapped addresses print as a dotted quad, others
through Bro's FreeBSD-derived `bro_inet_ntop6`, which differs from Python's
`ipaddress` (it keeps embedded dotted quads in `::a.b.c.d`, for one).

Parsing accepts what Bro's IPAddr accepts: text without ':' is a dotted
quad, text with ':' follows glibc's inet_pton(AF_INET6).
"""
from __future__ import annotations

from .values import V4_MAPPED, Subnet

_ALL = (1 << 128) - 1
_HEX = frozenset("0123456789abcdefABCDEF")


# --------------------------------------------------------------------------
# parsing

def parse_v4_quad(text: str) -> int:
    """A dotted quad as a 32-bit int.

    Bro parses IPv4 text itself (four decimal numbers, each 0-255), so a
    leading zero is a plain decimal digit there: `010.0.0.1` is 10.0.0.1.
    """
    parts = text.split(".")
    if len(parts) != 4:
        raise ValueError(f"bad IPv4 address: {text!r}")
    n = 0
    for p in parts:
        if not p or not p.isascii() or not p.isdigit():
            raise ValueError(f"bad IPv4 address: {text!r}")
        v = int(p)
        if v > 255:
            raise ValueError(f"bad IPv4 address: {text!r}")
        n = (n << 8) | v
    return n


def _pton4_strict(text: str) -> int:
    """glibc inet_pton(AF_INET) rules, used for the dotted tail of IPv6 text:
    exactly four decimal parts 0-255, no leading zeros."""
    parts = text.split(".")
    if len(parts) != 4:
        raise ValueError(text)
    n = 0
    for p in parts:
        if (not p or not p.isascii() or not p.isdigit()
                or (len(p) > 1 and p[0] == "0") or int(p) > 255):
            raise ValueError(text)
        n = (n << 8) | int(p)
    return n


def _pton6(text: str) -> int:
    """IPv6 text to a 128-bit int, accepting what glibc inet_pton accepts."""
    bad = ValueError(f"bad IPv6 address: {text!r}")
    if not text:
        raise bad
    # A leading ':' must be the start of '::'.
    if text[0] == ":" and not text.startswith("::"):
        raise bad
    if text.count("::") > 1 or ":::" in text:
        raise bad
    if "::" in text:
        head_s, tail_s = text.split("::")
        head = head_s.split(":") if head_s else []
        tail = tail_s.split(":") if tail_s else []
    else:
        head, tail = text.split(":"), None

    def words(groups: list[str], last: bool) -> list[int]:
        out = []
        for i, g in enumerate(groups):
            if last and i == len(groups) - 1 and "." in g:
                v4 = _pton4_strict(g)
                out += [v4 >> 16, v4 & 0xFFFF]
            elif 1 <= len(g) <= 4 and all(c in _HEX for c in g):
                out.append(int(g, 16))
            else:
                raise bad
        return out

    if tail is None:
        w = words(head, True)
        if len(w) != 8:
            raise bad
    else:
        hw = words(head, False)
        tw = words(tail, True)
        fill = 8 - len(hw) - len(tw)
        if fill < 1:     # '::' must stand for at least one zero word
            raise bad
        w = hw + [0] * fill + tw
    n = 0
    for x in w:
        n = (n << 16) | x
    return n


def parse_addr(text: str) -> int:
    """Address text (no brackets) to our 128-bit representation.

    Raises ValueError on bad input.
    """
    if ":" in text:
        return _pton6(text)
    return V4_MAPPED | parse_v4_quad(text)


# --------------------------------------------------------------------------
# rendering

def _quad(n: int) -> str:
    return f"{(n >> 24) & 255}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


def _ntop6(a: int) -> str:
    """Bro's bro_inet_ntop6 (hashing.md §4.5 rules 1-3)."""
    w = [(a >> (112 - 16 * i)) & 0xFFFF for i in range(8)]

    # Longest run of zero words; the first one wins a tie; length 1 is not
    # compressed.
    best_base, best_len = -1, 0
    i = 0
    while i < 8:
        if w[i] == 0:
            j = i
            while j < 8 and w[j] == 0:
                j += 1
            if j - i > best_len:
                best_base, best_len = i, j - i
            i = j
        else:
            i += 1
    if best_len < 2:
        best_base, best_len = -1, 0

    out = []
    for i in range(8):
        if best_base <= i < best_base + best_len:
            if i == best_base:
                out.append(":")
            continue
        if i != 0:
            out.append(":")
        if (i == 6 and best_base == 0
                and (best_len == 6
                     or (best_len == 5 and w[5] == 0xFFFF)
                     or (best_len == 4 and w[4] == 0xFFFF and w[5] == 0))):
            out.append(_quad(a & 0xFFFFFFFF))
            break
        out.append(f"{w[i]:x}")
    if best_len and best_base + best_len == 8:
        out.append(":")
    return "".join(out)


def addr_to_str(a: int) -> str:
    """Bro's address text: dotted quad for IPv4 (v4-mapped), else IPv6."""
    if (a >> 32) == 0xFFFF:
        return _quad(a)
    return _ntop6(a)


def subnet_to_str(s: Subnet) -> str:
    """`prefix/width`, width in the prefix family's own terms."""
    prefix, width = s
    if (prefix >> 32) == 0xFFFF and width >= 96:
        return f"{_quad(prefix)}/{width - 96}"
    return f"{_ntop6(prefix)}/{width}"
