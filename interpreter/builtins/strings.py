"""String builtins (values.md §6.3)."""
from __future__ import annotations

from ..runtime.ops import allocate
from ..runtime.values import VectorVal
from .registry import builtin


@builtin("function strcmp(s1: string, s2: string): int")
def strcmp(ctx, s1, s2):
    # sign of the byte comparison; glibc's magnitude (byte difference) when
    # the common prefix differs, else -1/0/1 (values.md §6.3)
    for a, b in zip(s1, s2):
        if a != b:
            return a - b
    return (len(s1) > len(s2)) - (len(s1) < len(s2))


@builtin("function to_lower(str: string): string")
def to_lower(ctx, s):
    return bytes(c + 32 if 65 <= c <= 90 else c for c in s)


@builtin("function to_upper(str: string): string")
def to_upper(ctx, s):
    return bytes(c - 32 if 97 <= c <= 122 else c for c in s)


# ---------------------------------------------------------------- regex-based
def _matches(p, s: bytes):
    """Leftmost-longest, non-overlapping matches, scanning left to right; a
    zero-length match counts as none (values.md §6.3)."""
    from ..runtime.patterns import longest_match_at
    i = 0
    n = len(s)
    while i < n:
        k = longest_match_at(p, s, i)
        if k > 0:
            yield i, i + k
            i += k
        else:
            i += 1


@builtin("function sub(str: string, re: pattern, repl: string): string")
def sub(ctx, s, p, repl):
    for a, b in _matches(p, s):
        return s[:a] + repl + s[b:]
    return s


@builtin("function gsub(str: string, re: pattern, repl: string): string")
def gsub(ctx, s, p, repl):
    out, last = [], 0
    for a, b in _matches(p, s):
        out += [s[last:a], repl]
        last = b
    return b"".join(out) + s[last:]


def _split(s, p, keep_sep=False, limit=0):
    pieces, last, count = [], 0, 0
    for a, b in _matches(p, s):
        if limit and count >= limit:
            break
        pieces.append(s[last:a])
        if keep_sep:
            pieces.append(s[a:b])
        last = b
        count += 1
    pieces.append(s[last:])
    return pieces


def _string_vec(ctx, items):
    from ..types import VectorType, STRING
    return VectorVal(VectorType(STRING), items)


@builtin("function split_string(str: string, re: pattern): string_vec")
def split_string(ctx, s, p):
    return _string_vec(ctx, _split(s, p))


@builtin("function split_string1(str: string, re: pattern): string_vec")
def split_string1(ctx, s, p):
    return _string_vec(ctx, _split(s, p, limit=1))


@builtin("function split_string_all(str: string, re: pattern): string_vec")
def split_string_all(ctx, s, p):
    return _string_vec(ctx, _split(s, p, keep_sep=True))


@builtin("function split_string_n(str: string, re: pattern, incl_sep: bool, max_num_sep: count): string_vec")
def split_string_n(ctx, s, p, incl_sep, max_num_sep):
    return _string_vec(ctx, _split(s, p, keep_sep=incl_sep, limit=max_num_sep))


@builtin("function find_last(str: string, re: pattern): string")
def find_last(ctx, s, p):
    last = b""
    for a, b in _matches(p, s):
        last = s[a:b]
    return last


@builtin("function find_all(str: string, re: pattern): string_set")
def find_all(ctx, s, p):
    from ..types import TableType, STRING
    from ..runtime.values import TableVal
    t = TableVal(TableType([STRING], None))
    for a, b in _matches(p, s):
        t.data.setdefault(s[a:b], [[s[a:b]], None])
    return t


# ---------------------------------------------------------------- plain bytes
@builtin("function sub_bytes(s: string, start: count, n: int): string")
def sub_bytes(ctx, s, start, n):
    start = max(start, 1) - 1
    if start >= len(s):
        return b""
    if n < 0 or start + n > len(s):
        return s[start:]
    return s[start:start + n]


@builtin("function strstr(big: string, little: string): count")
def strstr(ctx, big, little):
    return big.find(little) + 1


@builtin("function subst_string(s: string, from: string, to: string): string")
def subst_string(ctx, s, frm, to):
    return s.replace(frm, to) if frm else s


_SPACE = b" \t\n\r\v\f"


@builtin("function strip(str: string): string")
def strip(ctx, s):
    return s.strip(_SPACE)


@builtin("function lstrip(str: string, chars: string &default=\" \\t\\n\\r\\v\\f\"): string")
def lstrip(ctx, s, chars=_SPACE):
    return s.lstrip(chars)


@builtin("function rstrip(str: string, chars: string &default=\" \\t\\n\\r\\v\\f\"): string")
def rstrip(ctx, s, chars=_SPACE):
    return s.rstrip(chars)


def _escape(s, backslash=False, quotes=False):
    out = bytearray()
    for c in s:
        if backslash and c == 0x5C:
            out += b"\\\\"
        elif quotes and c == 0x22:
            out += b'\\"'
        elif c < 0x20 or c > 0x7E:
            out += b"\\x%02x" % c
        else:
            out.append(c)
    return bytes(out)


@builtin("function clean(str: string): string")
def clean(ctx, s):
    return _escape(s)


@builtin("function escape_string(s: string): string")
def escape_string(ctx, s):
    return _escape(s, backslash=True)


@builtin("function to_string_literal(str: string): string")
def to_string_literal(ctx, s):
    return _escape(s, backslash=True, quotes=True)


@builtin("function string_fill(len: int, source: string): string")
def string_fill(ctx, n, src):
    if n <= 0 or not src:
        return b""
    out = allocate(ctx.rt, n, ctx.loc, lambda: (src * (n // len(src) + 1))[:n])
    return out[:-1] + b"\x00"


@builtin("function str_split(s: string, idx: index_vec): string_vec")
def str_split(ctx, s, idx):
    from ..runtime.values import UNSET
    cuts = sorted({(i if i <= len(s) else 0) for i in idx.items if i is not UNSET})
    pieces, last = [UNSET], 0
    for c in cuts:
        if c == 0:
            continue
        pieces.append(s[last:c])
        last = c
    pieces.append(s[last:])
    return _string_vec(ctx, pieces)


@builtin("function is_ascii(str: string): bool")
def is_ascii(ctx, s):
    return all(c < 0x80 for c in s)


@builtin("function reverse(str: string): string")
def reverse(ctx, s):
    return s[::-1]


@builtin("function string_to_pattern(s: string, convert: bool): pattern")
def string_to_pattern(ctx, s, convert):
    from ..runtime.patterns import PatternError, make_pattern
    text = s.decode("latin-1")
    if convert:
        text = _convert_for_pattern(text)
    try:
        return make_pattern(text, False)
    except PatternError:
        # Bro reports the failed compile and returns the pattern anyway; ours
        # keeps the text and matches nothing
        from ..runtime.values import PatternVal
        ctx.builtin_error(f"error compiling pattern /{text}/")
        nothing = make_pattern("[^\\x00-\\xff]", False)
        return PatternVal(f"^?({text})$?", nothing.exact, nothing.anywhere)


def _convert_for_pattern(text):
    return "".join("\\" + c if not c.isalnum() else c for c in text)


@builtin("function convert_for_pattern(s: string): string")
def convert_for_pattern(ctx, s):
    return _convert_for_pattern(s.decode("latin-1")).encode("latin-1")
