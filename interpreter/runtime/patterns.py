"""Bro patterns (flex-style regular expressions) on Python's `re`, over bytes.

`PatternVal.text` is Bro's exact-match text (values.md §2.10): `/re/` keeps
`^?(re)$?`, `/re/i` keeps `(?i:^?(re)$?)`, `p1 | p2` and `p1 & p2` build
`(t1)|(t2)` and `(t1)(t2)` and wrap them again.  Matching: `p == s` is a
full match, `p in s` a match anywhere.
"""
from __future__ import annotations

import re

from .values import PatternVal


def translate(src: str) -> str:
    """Bro regex syntax -> Python regex syntax (as text)."""
    out = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c == '"':
            j = i + 1
            lit = []
            while j < n and src[j] != '"':
                if src[j] == "\\" and j + 1 < n:
                    j += 1
                lit.append(src[j])
                j += 1
            out.append("(?:" + re.escape("".join(lit)) + ")")
            i = j + 1
            continue
        if c == "\\" and i + 1 < n:
            out.append(src[i:i + 2])
            i += 2
            continue
        if c == "[":
            j = i + 1
            if j < n and src[j] == "^":
                j += 1
            if j < n and src[j] == "]":
                j += 1
            while j < n and src[j] != "]":
                if src[j] == "\\":
                    j += 1
                j += 1
            body = src[i + 1:j]
            out.append("[" + body.replace("[", "\\[") + "]")
            i = j + 1
            continue
        if c == ".":
            out.append("[^\\n]")
            i += 1
            continue
        if c == "{":
            j = src.find("}", i)
            inner = src[i + 1:j] if j > 0 else ""
            if re.fullmatch(r"\d+(,\d*)?", inner):
                out.append("{" + inner + "}")
                i = j + 1
                continue
            # a {name} definition is not available to scripts: take it literally
            out.append("\\{")
            i += 1
            continue
        if c == "$" and i + 1 < n:
            out.append("\\$")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def make_pattern(source: str, case_insensitive: bool) -> PatternVal:
    text = f"^?({source})$?"
    if case_insensitive:
        text = f"(?i:{text})"
    body = translate(source)
    py = f"(?i:{body})" if case_insensitive else body
    rx = re.compile(py.encode("latin-1"), re.S)
    return PatternVal(text, rx, rx)


def _combine(a: PatternVal, b: PatternVal, sep: str) -> PatternVal:
    text = f"^?(({a.text}){sep}({b.text}))$?"
    pa, pb = a.exact.pattern.decode("latin-1"), b.exact.pattern.decode("latin-1")
    rx = re.compile(f"(?:{pa}){sep}(?:{pb})".encode("latin-1"), re.S)
    return PatternVal(text, rx, rx)


def pattern_or(a: PatternVal, b: PatternVal) -> PatternVal:
    return _combine(a, b, "|")


def pattern_and(a: PatternVal, b: PatternVal) -> PatternVal:
    return _combine(a, b, "")


def match_exact(p: PatternVal, s: bytes) -> bool:
    return p.exact.fullmatch(s) is not None


def match_anywhere(p: PatternVal, s: bytes) -> bool:
    return p.anywhere.search(s) is not None


def longest_match_at(p: PatternVal, s: bytes, i: int) -> int:
    """Length of the longest match anchored at i (Bro's DFA is leftmost-
    longest; Python's re is leftmost-first, so try end positions from the
    longest down).  0 when there is none (a zero-length match counts as none)."""
    rx = p.exact
    for j in range(len(s), i, -1):
        if rx.fullmatch(s, i, j):
            return j - i
    return 0
