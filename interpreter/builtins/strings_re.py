"""The pattern builtins of strings.bif: sub, gsub, the split family,
find_all, find_last (bifs/strings-reporter-misc.md §1.2, §2).

Bro never searches: it scans byte offsets itself and asks the pattern's DFA
for the longest prefix of the rest it matches (RE_Matcher::MatchPrefix).
That DFA is fed a begin-of-line symbol at every offset tried, so `^`
matches at each scan position, and an end-of-line symbol only after the
last byte of the whole string, so `$` matches only at the true end."""
from __future__ import annotations

import re

from ..runtime.values import TableVal, VectorVal
from ..types import COUNT, STRING, TableType, VectorType
from .registry import builtin

_NO_END: dict = {}


def _without_end(rx: "re.Pattern") -> "re.Pattern":
    """`rx` with every end-of-line `$` made impossible: for a prefix that
    stops before the end of the string (§1.2)."""
    got = _NO_END.get(rx)
    if got is None:
        src, out, i, in_class = rx.pattern, bytearray(), 0, False
        while i < len(src):
            c = src[i]
            if c == 0x5C:                       # an escape: two bytes as they are
                out += src[i:i + 2]
                i += 2
                continue
            if in_class:
                in_class = c != 0x5D
            elif c == 0x5B:
                in_class = True
            elif c == 0x24:
                out += b"(?!)"
                i += 1
                continue
            out.append(c)
            i += 1
        got = _NO_END[rx] = re.compile(bytes(out), rx.flags)
    return got


_LONGEST: dict = {}


def _longest(rx: "re.Pattern"):
    """`rx` without its end-of-line `$` in the `regex` package's POSIX
    mode, which finds the leftmost-longest match as Bro's DFA does; None
    if that package cannot read the pattern (then we try every length)."""
    got = _LONGEST.get(rx, False)
    if got is False:
        # imported on first use, not at start-up (benchmarks/startup_bench.py)
        import regex
        try:
            got = regex.compile(_without_end(rx).pattern,
                                regex.POSIX | (regex.S if rx.flags & re.S else 0))
        except (regex.error, OverflowError, RecursionError):
            got = None
        _LONGEST[rx] = got
    return got


def prefix_len(p, s: bytes, i: int) -> int:
    """Longest-prefix match of `p` on s[i:] (§1.2): -1 for none, 0 when only
    the empty string matches there, else the length of the longest match."""
    rest = s[i:]       # a slice: `^` holds only at its start
    full = p.exact
    if full.fullmatch(rest) is not None:
        return len(rest)          # nothing is longer than all of it
    posix = _longest(full)
    if posix is not None:
        m = posix.match(rest)
        return -1 if m is None else m.end()
    part = _without_end(full)
    if part.match(rest) is None:
        return -1
    for k in range(len(rest) - 1, -1, -1):
        if part.fullmatch(rest, 0, k) is not None:
            return k
    return -1


def _first_match(p, s: bytes, start: int):
    """The first offset >= start with a non-empty match, and its length."""
    for t in range(start, len(s)):
        m = prefix_len(p, s, t)
        if m >= 1:
            return t, m
    return None, 0


def split_pieces(s: bytes, p, incl_sep: bool, max_sep: int) -> list:
    """The one scanner of the split family (§2, "The split family")."""
    pieces, found, start = [], 0, 0
    while True:
        o, m = (None, 0) if max_sep and found >= max_sep else _first_match(p, s, start)
        if o is None:
            pieces.append(s[start:])
            return pieces
        pieces.append(s[start:o])
        if incl_sep:
            pieces.append(s[o:o + m])
        found += 1
        start = o + m


def string_vec(ctx, items) -> VectorVal:
    t = getattr(ctx.desc, "type", None)
    return VectorVal(t if t is not None and t.kind == "vector" else VectorType(STRING), list(items))


def string_array(ctx, items) -> TableVal:
    """A `string_array` (table[count] of string) with keys 1..k."""
    t = getattr(ctx.desc, "type", None)
    tv = TableVal(t if t is not None and t.kind == "table" else TableType([COUNT], STRING))
    for n, piece in enumerate(items, 1):
        tv.data[n] = [[n], piece]
    return tv


@builtin("function split(str: string, re: pattern): string_array &deprecated")
def split(ctx, s, p):
    return string_array(ctx, split_pieces(s, p, False, 0))


@builtin("function split_string(str: string, re: pattern): string_vec")
def split_string(ctx, s, p):
    return string_vec(ctx, split_pieces(s, p, False, 0))


@builtin("function split1(str: string, re: pattern): string_array &deprecated")
def split1(ctx, s, p):
    return string_array(ctx, split_pieces(s, p, False, 1))


@builtin("function split_string1(str: string, re: pattern): string_vec")
def split_string1(ctx, s, p):
    return string_vec(ctx, split_pieces(s, p, False, 1))


@builtin("function split_all(str: string, re: pattern): string_array &deprecated")
def split_all(ctx, s, p):
    return string_array(ctx, split_pieces(s, p, True, 0))


@builtin("function split_string_all(str: string, re: pattern): string_vec")
def split_string_all(ctx, s, p):
    return string_vec(ctx, split_pieces(s, p, True, 0))


@builtin("function split_n(str: string, re: pattern, incl_sep: bool, max_num_sep: count): string_array &deprecated")
def split_n(ctx, s, p, incl_sep, max_num_sep):
    return string_array(ctx, split_pieces(s, p, incl_sep, max_num_sep))


@builtin("function split_string_n(str: string, re: pattern, incl_sep: bool, max_num_sep: count): string_vec")
def split_string_n(ctx, s, p, incl_sep, max_num_sep):
    return string_vec(ctx, split_pieces(s, p, incl_sep, max_num_sep))


def _replace(s: bytes, p, repl: bytes, every: bool) -> bytes:
    out, start = [], 0
    while True:
        o, m = _first_match(p, s, start)
        if o is None:
            break
        out += [s[start:o], repl]
        start = o + m
        if not every:
            break
    return b"".join(out) + s[start:]


@builtin("function sub(str: string, re: pattern, repl: string): string")
def sub(ctx, s, p, repl):
    return _replace(s, p, repl, False)


@builtin("function gsub(str: string, re: pattern, repl: string): string")
def gsub(ctx, s, p, repl):
    return _replace(s, p, repl, True)


@builtin("function find_all(str: string, re: pattern): string_set")
def find_all(ctx, s, p):
    t = getattr(ctx.desc, "type", None)
    out = TableVal(t if t is not None and t.kind == "table" else TableType([STRING], None))
    i = 0
    while i < len(s):
        m = prefix_len(p, s, i)
        if m == 0:
            # Bro 2.6 stays at this offset for ever (§2 find_all "Hang"); we
            # say so and return what was found up to here
            ctx.builtin_error("find_all: pattern matches the empty string at offset "
                              f"{i}; Bro 2.6 would hang here")
            break
        if m > 0:
            piece = s[i:i + m]
            out.data[piece] = [[piece], None]
            i += m
        else:
            i += 1
    return out


@builtin("function find_last(str: string, re: pattern): string")
def find_last(ctx, s, p):
    for t in range(len(s) - 1, -1, -1):
        m = prefix_len(p, s, t)
        if m >= 0:
            return s[t:t + m]
    return b""
