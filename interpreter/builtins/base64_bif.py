"""Base64 with Bro's decoder and its messages (bifs/core-2.md §3). Encoding
is the standard one (binascii), mapped onto a custom alphabet when given;
decoding follows Bro's Base64Converter, which never fails."""
from __future__ import annotations

import binascii

from ..runtime.describe import describe
from .bifutil import c_string, reporter_error, text
from .registry import builtin

DEFAULT = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def encode(s: bytes, alphabet: bytes) -> bytes:
    out = binascii.b2a_base64(s, newline=False)
    if alphabet != DEFAULT:
        # '=' padding stays '=' whatever the alphabet (Base64.cc)
        out = out.translate(bytes.maketrans(DEFAULT + b"=", alphabet + b"="))
    return out


def _decode_table(alphabet: bytes) -> dict:
    # the assignment order decides duplicate bytes; '=' always reads as 0
    table = {}
    for i in range(26):
        table[alphabet[i]] = i
        table[alphabet[26 + i]] = 26 + i
    for i in range(52, 64):
        table[alphabet[i]] = i
    table[ord("=")] = 0
    return table


def decode(s: bytes, alphabet: bytes, report) -> bytes:
    """Bro's decoder: ignores what it cannot use, calls `report(msg)` for
    the first problem and for an incomplete last group."""
    table = _decode_table(alphabet)
    out = bytearray()
    st = {"group": [], "pad": 0, "after_pad": False, "errors": 0}

    def error(msg):
        st["errors"] += 1
        if st["errors"] == 1:
            report(msg)

    def flush():
        group, pad = st["group"], st["pad"]
        if st["after_pad"]:
            error("extra base64 groups after '=' padding are ignored")
        else:
            v = (group[0] << 18) | (group[1] << 12) | (group[2] << 6) | group[3]
            out.extend(v.to_bytes(3, "big")[:max(3 - pad, 0)])
            if pad > 0:
                st["after_pad"] = True
        st["group"] = []
        st["pad"] = 0

    def feed(c):
        if c == 0x3D:
            st["pad"] += 1
        v = table.get(c)
        if v is not None:
            st["group"].append(v)
        else:
            error(f"character {c - 256 if c >= 0x80 else c} ignored by Base64 decoding")
        if len(st["group"]) == 4:
            flush()

    for c in s:
        feed(c)
    n = len(st["group"])
    if n:
        report(f"incomplete base64 group, padding with {(4 - n) * 6} bits of 0")
        for _ in range(4 - n):
            feed(0x3D)
    return bytes(out)


def _alphabet(ctx, a: bytes, msg: str):
    """The alphabet to use, or None after Bro's length error."""
    if not a:
        return DEFAULT
    a = c_string(ctx, a)
    if len(a) != 64:
        reporter_error(ctx, f"{msg}: {text(a)}")
        return None
    return a


def _encode(ctx, s, a, second_error):
    alphabet = _alphabet(ctx, a, "base64 alphabet is not 64 characters")
    if alphabet is None:
        reporter_error(ctx, second_error)
        return b""
    return encode(s, alphabet)


@builtin('function encode_base64(s: string, a: string &default=""): string')
def encode_base64(ctx, s, a=b""):
    # the second message is Bro's own copy-paste slip (bro.bif)
    return _encode(ctx, s, a, "Broker query has an invalid data store")


@builtin("function encode_base64_custom(s: string, a: string): string &deprecated")
def encode_base64_custom(ctx, s, a):
    return _encode(ctx, s, a, f"error in encoding string {text(s)}")


def _decode(ctx, s, a):
    alphabet = _alphabet(ctx, a, "base64 decoding alphabet is not 64 characters")
    if alphabet is None:
        reporter_error(ctx, f"error in decoding string {text(s)}")
        return b""
    return decode(s, alphabet, lambda msg: reporter_error(ctx, msg))


@builtin('function decode_base64(s: string, a: string &default=""): string')
def decode_base64(ctx, s, a=b""):
    return _decode(ctx, s, a)


@builtin("function decode_base64_custom(s: string, a: string): string &deprecated")
def decode_base64_custom(ctx, s, a):
    return _decode(ctx, s, a)


@builtin('function decode_base64_conn(cid: conn_id, s: string, a: string &default=""): string',
         lazy=True)
def decode_base64_conn(ctx, cid, s, a=b""):
    # a run without packets has no live connection with this id (bro.bif)
    ctx.builtin_error("connection ID not a known connection",
                      describe(cid.rtype, cid, "short").decode("latin-1"))
    return b""
