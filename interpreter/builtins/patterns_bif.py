"""Patterns made at run time: merge_pattern, convert_for_pattern,
string_to_pattern (bifs/core-2.md §4)."""
from __future__ import annotations

import re

from ..runtime.patterns import PatternError, make_pattern
from ..runtime.values import PatternVal
from .bifutil import reporter_error
from .registry import builtin

# the bytes convert_for_pattern puts a backslash before (bro.bif)
_SPECIAL = frozenset(b'^$-:"\\/|*+?.(){}[]')


def convert(s: bytes) -> bytes:
    out = bytearray()
    for c in s:
        if c == 0:
            # the NUL gets its backslash, and the C string ends there
            out.append(0x5C)
            break
        if c in _SPECIAL:
            out.append(0x5C)
        out.append(c)
    return bytes(out)


@builtin("function convert_for_pattern(s: string): string")
def convert_for_pattern(ctx, s):
    return convert(s)


@builtin("function string_to_pattern(s: string, convert: bool): pattern")
def string_to_pattern(ctx, s, convert_):
    s = s.partition(b"\x00")[0]
    if convert_:
        s = convert(s)
    text = s.decode("latin-1")
    try:
        return make_pattern(text, False)
    except PatternError:
        # Bro reports the failed compile of the match-anywhere form and
        # returns a pattern without matcher: == holds only for "", `in` for
        # every string (RE.cc)
        reporter_error(ctx, f"error compiling pattern /^?(.|\\n)*({text})/")
        return PatternVal(f"^?({text})$?", re.compile(b""), re.compile(b""))


@builtin("function merge_pattern(p1: pattern, p2: pattern): pattern &deprecated")
def merge_pattern(ctx, p1, p2):
    # the new text is (^?(T1)$?)|(^?(T2)$?) of the two exact-match texts
    text = f"(^?({p1.text})$?)|(^?({p2.text})$?)"
    pa, pb = p1.exact.pattern, p2.exact.pattern
    rx = re.compile(b"(?:" + pa + b")|(?:" + pb + b")", re.S)
    return PatternVal(text, rx, rx)
