"""Text → threading values, the way Bro's ASCII formatter parses a field
(bifs/logging-input.md §2.9.1 "Field parsing", shared with the Config reader
§2.9.5), and threading values → Bro values (§2.5.5).

`parse_field(text, type_, name, opts, rep)` returns the threading value
described in reader.py, or raises `ParseFailed` after having reported why
through `rep` (an object with `warning(msg)` and `error(msg)`: a reader
passes its sink).  `opts` is a `FieldOptions`.
"""
from __future__ import annotations

import math
import re
import socket

from ..runtime.values import (UNSET, V4_MAPPED, Subnet, make_port, PORT_MASKS)
from ..runtime.addrs import _pton6


class ParseFailed(Exception):
    """The field could not be parsed; the message was already reported."""


class FieldOptions:
    """The separators and markers in force (InputAscii::* or $config)."""
    __slots__ = ("set_separator", "empty_field", "unset_field")

    def __init__(self, set_separator: str = ",", empty_field: str = "(empty)",
                 unset_field: str = "-"):
        self.set_separator = set_separator
        self.empty_field = empty_field
        self.unset_field = unset_field


def split_like_getline(text: str, sep: str) -> list:
    """C++ `getline` splitting: a trailing separator gives no empty last
    field, inner empty fields exist, an empty text gives no field (§2.9.1)."""
    if text == "":
        return []
    parts = text.split(sep)
    if parts[-1] == "":
        parts.pop()
    return parts


def unescape(text: str) -> bytes:
    """Decode every `\\xHH`; other backslashes stay (§2.9.1 string).
    Readers hold file text decoded as latin-1, so every byte is one char."""
    return _HEXESC_B.sub(lambda m: bytes([int(m.group(1), 16)]), text.encode("latin-1"))


_HEXESC_B = re.compile(rb"\\x([0-9a-fA-F]{2})")


# --------------------------------------------------------------------------
# C number parsing (strtoll / strtoull / strtod) with Bro's checks

_WS = " \t\n\v\f\r"
_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(
    r"[+-]?(?:0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?"
    r"|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
    r"|[iI][nN][fF](?:[iI][nN][iI][tT][yY])?"
    r"|[nN][aA][nN](?:\([0-9A-Za-z_]*\))?)")


def _scan(text: str, pat):
    """(match text, end index, erange) of a C strto* on `text`; end 0 when
    nothing was parsed."""
    i = 0
    while i < len(text) and text[i] in _WS:
        i += 1
    m = pat.match(text, i)
    if not m:
        return None, 0
    # a hex prefix "0x" with no hex digit parses as "0"
    return m.group(0), m.end()


def _check(text: str, end: int, erange: bool, rep) -> None:
    """Bro's CheckNumberError: the messages and their order (§2.9.1)."""
    if end == 0 and text != "":
        rep.warning(f"String '{text}' contained no parseable number")
        raise ParseFailed
    if end == 0 and text == "":
        rep.warning("Got empty string for number field")
        raise ParseFailed
    if end < len(text):
        rep.warning(f"Number '{text}' contained non-numeric trailing characters. "
                    f"Ignored trailing characters '{text[end:]}'")
    if erange:
        rep.warning(f"Number '{text}' out of supported range.")
        raise ParseFailed


def strtoll(text: str, rep) -> int:
    s, end = _scan(text, _INT)
    erange = False
    n = 0
    if s is not None:
        n = int(s)
        if n > (1 << 63) - 1 or n < -(1 << 63):
            erange = True
    _check(text, end, erange, rep)
    return n


def strtoull(text: str, rep) -> int:
    s, end = _scan(text, _INT)
    erange = False
    n = 0
    if s is not None:
        neg = s.startswith("-")
        mag = int(s.lstrip("+-"))
        if mag >= 1 << 64:
            erange = True
        # strtoull negates in unsigned arithmetic: "-4" → 2**64 - 4
        n = (-mag) % (1 << 64) if neg else mag
    _check(text, end, erange, rep)
    return n


def strtod(text: str, rep) -> float:
    s, end = _scan(text, _FLOAT)
    erange = False
    v = 0.0
    if s is not None:
        body = s.lstrip("+-")
        neg = s.startswith("-")
        low = body.lower()
        if low.startswith("0x"):
            h = body
            if "p" not in low:
                h += "p0"
            try:
                v = float.fromhex(h)
            except (ValueError, OverflowError):
                v = math.inf
        elif low.startswith("inf"):
            v = math.inf
        elif low.startswith("nan"):
            v = math.nan
        else:
            v = float(body)
        finite_text = not (low.startswith("inf") or low.startswith("nan"))
        if finite_text and math.isinf(v):
            erange = True
        elif finite_text and v == 0.0 and any(c in "123456789" for c in
                                               re.split(r"[eEpP]", body)[0]):
            erange = True           # underflow
        if neg:
            v = -v
    _check(text, end, erange, rep)
    return v


# --------------------------------------------------------------------------
# addresses

def parse_addr(text: str, rep) -> int:
    """Bro's formatter ParseAddr: `inet_aton` without `:` (so `127.1` is
    accepted), `inet_pton` for IPv6; failure is an *error* `Bad address`
    and the value is 0.0.0.0 / :: (§2.9.1)."""
    if ":" not in text:
        try:
            packed = socket.inet_aton(text)
        except (OSError, ValueError):
            rep.error(f"Bad address: {text}")
            return V4_MAPPED
        return V4_MAPPED | int.from_bytes(packed, "big")
    try:
        return _pton6(text)
    except ValueError:
        rep.error(f"Bad address: {text}")
        return 0


def _strip(text: str) -> str:
    return text.strip(_WS)


# --------------------------------------------------------------------------
# fields

def parse_field(text: str, type_, name: str, opts: FieldOptions, rep):
    """One field's text as a threading value (§2.9.1 "Field parsing")."""
    if opts.unset_field and text == opts.unset_field:
        return UNSET
    k = type_.kind
    if k in ("string", "enum"):
        b = unescape(text)
        return b if k == "string" else b.decode("latin-1")
    if k == "bool":
        if text in ("T", "1"):
            return True
        if text in ("F", "0"):
            return False
        rep.warning(f"Field: {name} Invalid value for boolean: {text}")
        raise ParseFailed
    if k == "int":
        return strtoll(text, rep)
    if k == "count":
        return strtoull(text, rep)
    if k in ("double", "time", "interval"):
        return strtod(text, rep)
    if k == "port":
        return parse_port(text, rep)
    if k == "addr":
        return parse_addr(_strip(unescape(text).decode("latin-1")), rep)
    if k == "subnet":
        return parse_subnet(text, rep)
    if k in ("table", "vector"):
        return parse_container(text, type_, name, opts, rep)
    rep.warning(f"unsupported field format {k} for {name}")
    raise ParseFailed


def parse_port(text: str, rep) -> int:
    proto = "unknown"
    pos = text.find("/")
    number = text
    if pos >= 0 and len(text) > pos + 1:
        p = text[pos + 1:]
        if p.lower() in PORT_MASKS:
            proto = p.lower()
        else:
            rep.warning(f"Port '{text}' contained unknown protocol '{p}'")
    if pos > 0:
        number = text[:pos]
    n = strtoull(number, rep)
    return make_port(n & 0xFFFF, proto)


def parse_subnet(text: str, rep) -> Subnet:
    s = _strip(unescape(text).decode("latin-1"))
    pos = s.find("/")
    if pos < 0:
        rep.warning(f"Invalid value for subnet: {text}")
        raise ParseFailed
    width_text = s[pos + 1:]
    w, end = _scan(width_text, _INT)
    width = int(w) if w is not None else 0
    if w is not None and end < len(width_text):
        rep.warning(f"Number '{text}' contained non-numeric trailing characters. "
                    f"Ignored trailing characters '{width_text[end:]}'")
    width &= 0xFF
    addr = parse_addr(s[:pos], rep)
    if (addr >> 32) == 0xFFFF:
        width = min(width, 32) + 96
    width = min(width, 128)
    return Subnet(addr, width)


def parse_container(text: str, type_, name: str, opts: FieldOptions, rep) -> list:
    elem = type_.indices[0] if type_.kind == "table" else type_.yield_
    if opts.empty_field and text == opts.empty_field:
        return []
    if not opts.empty_field and text == "":
        return []
    out = []
    for part in split_like_getline(text, opts.set_separator):
        try:
            out.append(parse_field(part, elem, name, opts, rep))
        except ParseFailed:
            rep.warning("Error while reading set or vector")
            raise
    if text == "" or text.endswith(opts.set_separator):
        try:
            out.append(parse_field("", elem, name, opts, rep))
        except ParseFailed:
            rep.warning("Error while trying to add empty set element")
            raise
    return out
