"""Bro patterns (flex-style regular expressions) on Python's `re`, over bytes.

`PatternVal.text` is Bro's exact-match text (values.md §2.10): `/re/` keeps
`^?(re)$?`, `/re/i` keeps `(?i:^?(re)$?)`, `p1 | p2` and `p1 & p2` build
`(t1)|(t2)` and `(t1)(t2)` and wrap them again.  Matching: `p == s` is a
full match, `p in s` a match anywhere.
"""
from __future__ import annotations

import re

from .values import PatternVal


class PatternError(Exception):
    """A pattern that Bro's regex parser (re-parse.y) would not accept."""


# flex's escapes (re-scan.l ESCSEQ, myesc): anything else stands for itself
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b"}

_POSIX = {"alpha": "A-Za-z", "digit": "0-9", "alnum": "0-9A-Za-z", "upper": "A-Z", "lower": "a-z",
          "space": " \t\n\r\f\v", "xdigit": "0-9A-Fa-f", "blank": " \t", "cntrl": "\x00-\x1f\x7f",
          "punct": "!-/:-@\\[-`{-~", "print": " -~", "graph": "!-~"}

_REPEAT = re.compile(r"\{(\d+)(,(\d*))?\}")


class _Translator:
    """Bro's regex grammar (flex syntax, re-parse.y) read by recursive
    descent and written out as Python regex text:

        re        := series ('|' series)*        (a series may be empty)
        series    := singleton*
        singleton := atom ('*' | '+' | '?' | '{n}' | '{n,}' | '{n,m}')*
        atom      := char | '.' | '[' ccl ']' | '"' chars '"' | '(' re ')' | '(?i:' re ')'

    Every repetition applies to a group, so that flex's `a**` or `a*?`
    (a repetition of a repetition) is not read as Python's lazy or
    possessive forms, and every accepted pattern compiles."""

    def __init__(self, src: str):
        self.src = src
        self.i = 0

    def fail(self, why: str):
        raise PatternError(why)

    def peek(self):
        return self.src[self.i] if self.i < len(self.src) else None

    def whole(self) -> str:
        out = self.alternation()
        if self.i < len(self.src):
            self.fail("unbalanced parenthesis")
        return out

    def alternation(self) -> str:
        parts = [self.series()]
        while self.peek() == "|":
            self.i += 1
            parts.append(self.series())
        return "|".join(parts)

    def series(self) -> str:
        out = []
        while self.peek() is not None and self.peek() not in "|)":
            out.append(self.singleton())
        return "".join(out)

    def singleton(self) -> str:
        a = self.atom()
        while True:
            c = self.peek()
            if c is not None and c in "*+?":
                self.i += 1
                a = f"(?:{a}){c}"
                continue
            m = _REPEAT.match(self.src, self.i) if c == "{" else None
            if m is None:
                return a
            lo, hi = int(m.group(1)), m.group(3)
            if hi and int(hi) < lo:
                self.fail("bad iteration values")
            if lo > 0xFFFF or (hi and int(hi) > 0xFFFF):
                self.fail("iteration value too large")
            self.i = m.end()
            a = f"(?:{a}){m.group(0)}"

    def atom(self) -> str:
        src, c = self.src, self.peek()
        if c == "(":
            # `(?i:re)` is Bro's own case-insensitive group; any other `(?`
            # is a repetition of nothing, as in flex
            flags = "?i:" if src.startswith("(?i:", self.i) else "?:"
            self.i += 4 if flags == "?i:" else 1
            inner = self.alternation()
            if self.peek() != ")":
                self.fail("missing )")
            self.i += 1
            return f"({flags}{inner})"
        if c in "*+?" or (c == "{" and _REPEAT.match(src, self.i)):
            self.fail("nothing to repeat")
        self.i += 1
        if c == ".":
            return "[^\\n]"
        if c == "[":
            return self.ccl()
        if c == '"':
            lit = []
            while self.peek() != '"':
                if self.peek() is None:
                    self.fail("missing quote")
                lit.append(self.char())
            self.i += 1
            # values.md §2.10: /i does not reach into "quoted" parts
            return "(?-i:" + "".join(re.escape(x) for x in lit) + ")" if lit else ""
        if c == "\\":
            self.i -= 1
            return re.escape(self.char())
        if c == "^":
            return "^"
        if c == "$":
            # an end-of-line symbol wherever it stands (re-parse.y's SYM_EOL,
            # which the exact form's `$?` repeats): Bro's email.bro matches
            # `([>,;[:blank:]]|$)`
            return "$"
        return re.escape(c)

    def char(self) -> str:
        """One character, an escape sequence standing for one."""
        src = self.src
        c = src[self.i]
        self.i += 1
        if c != "\\":
            return c
        if self.i >= len(src):
            self.fail("trailing backslash")
        c = src[self.i]
        self.i += 1
        if c in _ESCAPES:
            return _ESCAPES[c]
        if c in "01234567":
            j = self.i
            while j < len(src) and j < self.i + 2 and src[j] in "01234567":
                j += 1
            code = int(c + src[self.i:j], 8)
            self.i = j
            return chr(code & 0xFF)
        if c == "x" and self.i < len(src) and src[self.i] in "0123456789abcdefABCDEF":
            j = self.i + 1
            if j < len(src) and src[j] in "0123456789abcdefABCDEF":
                j += 1
            code = int(src[self.i:j], 16)
            self.i = j
            return chr(code)
        return c

    def ccl(self) -> str:
        src = self.src
        neg = self.peek() == "^"
        if neg:
            self.i += 1
        body = []
        first = True
        while True:
            c = self.peek()
            if c is None:
                self.fail("missing ]")
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            if c == "[" and src.startswith("[:", self.i):
                j = src.find(":]", self.i + 2)
                name = src[self.i + 2:j] if j > 0 else None
                if name not in _POSIX:
                    self.fail("bad character class expression")
                body.append(_POSIX[name])
                self.i = j + 2
                continue
            lo = self.char()
            if self.peek() == "-" and self.i + 1 < len(src) and src[self.i + 1] != "]":
                self.i += 1
                hi = self.char()
                if ord(hi) < ord(lo):
                    self.fail("negative range in character class")
                body.append(_class_char(lo) + "-" + _class_char(hi))
            else:
                body.append(_class_char(lo))
        if not body:
            self.fail("empty character class")
        return "[" + ("^" if neg else "") + "".join(body) + "]"


def _class_char(c: str) -> str:
    # `||`, `&&`, `~~`, `--` inside a class draw FutureWarnings from Python
    return "\\" + c if c in "\\]^-[|&~" else c


def translate(src: str) -> str:
    """Bro regex syntax -> Python regex syntax (as text); PatternError if
    Bro's own parser would reject it."""
    return _Translator(src).whole()


def check_pattern(source: str, case_insensitive: bool = False) -> None:
    """Raise PatternError unless `source` compiles (the checker asks first)."""
    make_pattern(source, case_insensitive)


def make_pattern(source: str, case_insensitive: bool) -> PatternVal:
    text = f"^?({source})$?"
    if case_insensitive:
        text = f"(?i:{text})"
    body = translate(source)
    py = f"(?i:{body})" if case_insensitive else body
    try:
        rx = re.compile(py.encode("latin-1"), re.S)
    except (re.error, OverflowError, RecursionError) as ex:
        # the translation should have caught it; Bro's words all the same
        raise PatternError(str(ex)) from None
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
