"""Literal tokens -> (runtime value, type), language.md §1.5."""
from __future__ import annotations

import re

from . import types as T
from .runtime.values import Interval, Subnet, make_port, make_subnet, addr_from_v4

UNITS = {"usec": 1e-6, "msec": 1e-3, "sec": 1.0, "min": 60.0, "hr": 3600.0, "day": 86400.0}
_INTERVAL = re.compile(r"([0-9.eE+-]+)[ \t]*(usec|msec|sec|min|hr|day)s?$")
_ESCAPES = {"b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "a": 7, "v": 11}


# one escape: octal (up to three digits), hex (up to two, none is 0), or
# any other character after the backslash (a letter of _ESCAPES, or itself);
# a run of two-digit hex escapes (a certificate in Bro's library is
# thousands) is one match
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2}(?:\\x[0-9a-fA-F]{2})*)|([0-7]{1,3})"
                     r"|x([0-9a-fA-F]{0,2})|([\s\S]))")


def _escaped(m) -> str:
    run, octal, hexa, other = m.groups()
    if run is not None:
        return bytes.fromhex(run.replace("\\x", "")).decode("latin-1")
    if octal is not None:
        return chr(int(octal, 8) & 0xFF)
    if hexa is not None:
        return chr(int(hexa, 16)) if hexa else "\0"
    code = _ESCAPES.get(other)
    return other if code is None else chr(code)


def unescape(body: str) -> bytes:
    """String-literal escapes (util.cc expand_escape); the text is latin-1.
    A backslash that ends the text stays itself."""
    if "\\" not in body:
        return body.encode("latin-1")
    return _ESCAPE.sub(_escaped, body).encode("latin-1")


def parse_v4(text: str) -> int:
    parts = [int(p) for p in text.split(".")]
    if any(p > 255 for p in parts):
        raise ValueError(text)
    n = 0
    for p in parts:
        n = (n << 8) | p
    return addr_from_v4(n)


def literal_value(tok):
    """Return (value, type) for a literal token."""
    kind, text = tok.type, str(tok.value)
    if kind == "COUNT_LIT":
        # scan.l converts with strtoull, which saturates on overflow (errno
        # ERANGE, no message): 99999999999999999999999 is 2^64-1
        n = int(text, 16) if text.startswith("0x") else int(text)
        return min(n, 0xFFFFFFFFFFFFFFFF), T.COUNT
    if kind == "DOUBLE_LIT":
        return float(text), T.DOUBLE
    if kind == "INTERVAL_LIT":
        m = _INTERVAL.match(text)
        return Interval(float(m.group(1)) * UNITS[m.group(2)]), T.INTERVAL
    if kind == "PORT_LIT":
        num, proto = text.split("/")
        p = atoi_u32(num)
        return make_port(p if p <= port_limit(proto) else 0, proto), T.PORT
    if kind == "ADDR_LIT":
        return parse_addr_text(text), T.ADDR
    if kind == "SUBNET_LIT":
        a, w = text.rsplit("/", 1)
        a, width = a.strip(), int(w)
        if a.startswith("["):
            return v6_relative_subnet(parse_addr_text(a), width), T.SUBNET
        return make_subnet(parse_addr_text(a), width), T.SUBNET
    if kind == "STRING_LIT":
        return unescape(text[1:-1]), T.STRING
    if kind == "BOOL_LIT":
        return text == "T", T.BOOL
    if kind == "HOSTNAME_LIT":
        return text, T.TableType([T.ADDR], None)
    raise ValueError(kind)


def v6_relative_subnet(addr: int, width: int):
    """A bracketed subnet literal counts its width in IPv6 bits even when the
    address is v4-mapped (Bro's scanner builds it with a v6-relative length):
    `[::ffff:0:0]/96` is 0.0.0.0/0 and `[::ffff:1.2.3.0]/120` is 1.2.3.0/24
    (values.md §2.9; language.md §1.5)."""
    if width > 128:
        raise ValueError(width)
    mask = ((1 << 128) - 1) ^ ((1 << (128 - width)) - 1) if width else 0
    return Subnet(addr & mask, width)


def parse_addr_text(text: str) -> int:
    if text.startswith("["):
        from .runtime.addrs import parse_addr
        return parse_addr(text[1:-1])
    return parse_v4(text)


def atoi_u32(digits: str) -> int:
    """scan.l reads a port number as `uint32 p = atoi(yytext)`: glibc's atoi
    is strtol (saturating at 2^63-1) cast to int, then to uint32."""
    return min(int(digits), (1 << 63) - 1) & 0xFFFFFFFF


def port_limit(proto: str) -> int:
    return 65535 if proto in ("tcp", "udp") else 255


def bad_port_literal(text: str) -> bool:
    """Does scan.l say `bad port number - <text>` for this port literal?"""
    num, proto = text.split("/")
    return atoi_u32(num) > port_limit(proto)
