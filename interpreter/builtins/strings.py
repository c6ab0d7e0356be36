"""The byte-string builtins of strings.bif (bifs/strings-reporter-misc.md §2;
values.md §6.3).  The pattern ones are in strings_re.py, Smith-Waterman in
smith_waterman.py, string_cat and join_string_vec with fmt in format.py."""
from __future__ import annotations

from ..errors import NoValue
from ..runtime.describe import describe
from ..runtime.ops import allocate
from ..runtime.values import UNSET
from ..types import STRING
from .registry import builtin
from .strings_re import string_array, string_vec


def _c_int(n: int) -> int:
    """A count or int read as a 32-bit C int (low 32 bits, two's complement)."""
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n & 0x80000000 else n


@builtin("function levenshtein_distance(s1: string, s2: string): count")
def levenshtein_distance(ctx, s1, s2):
    prev = list(range(len(s2) + 1))
    for i, a in enumerate(s1, 1):
        cur = [i]
        for j, b in enumerate(s2, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1]


# ---------------------------------------------------------------- string_array
def _entry(a, i):
    e = a.data.get(i)
    return None if e is None else e[1]


def _run(a, start, end):
    """a[start], a[start+1], ... a[end], stopping at the first missing index."""
    out = []
    for i in range(start, end + 1):
        v = _entry(a, i)
        if v is None:
            break
        out.append(v)
    return out


@builtin("function cat_string_array(a: string_array): string &deprecated")
def cat_string_array(ctx, a):
    return b"".join(_run(a, 1, len(a)))


@builtin("function cat_string_array_n(a: string_array, start: count, end: count): string &deprecated")
def cat_string_array_n(ctx, a, start, end):
    return b"".join(_run(a, start, end))


@builtin("function join_string_array(sep: string, a: string_array): string &deprecated")
def join_string_array(ctx, sep, a):
    parts = _run(a, 1, len(a))
    if len(parts) < len(a):
        raise NoValue        # a missing index: no value, statement skipped (§1.1)
    return sep.join(parts)


@builtin("function sort_string_array(a: string_array): string_array &deprecated")
def sort_string_array(ctx, a):
    parts = _run(a, 1, len(a))
    if len(parts) < len(a):
        # Bro 2.6 reads past what it collected here (usually a crash)
        ctx.builtin_error("sort_string_array: index missing in 1..|a|; Bro 2.6 would crash here")
    # bytes order is strcmp order; sorted() is stable like Bro's insertion sort
    return string_array(ctx, sorted(parts))


# ---------------------------------------------------------------- plain bytes
@builtin("function edit(arg_s: string, arg_edit_char: string): string")
def edit(ctx, s, ch):
    if len(ch) != 1:
        ctx.builtin_error("not exactly one edit character", describe(STRING, ch, "short").decode("latin-1"))
    e = ch[0] if ch else 0
    out = bytearray()
    for c in s:
        if c == e:
            if out:
                out.pop()
        else:
            out.append(c)
    return bytes(out)


@builtin("function sub_bytes(s: string, start: count, n: int): string")
def sub_bytes(ctx, s, start, n):
    b = max(_c_int(start), 1) - 1
    n = _c_int(n)
    if b > len(s):
        return b""
    if n < 0 or n > len(s) - b:
        return s[b:]
    return s[b:b + n]


@builtin("function strcmp(s1: string, s2: string): int")
def strcmp(ctx, s1, s2):
    # the sign of the byte comparison; glibc's magnitude (byte difference)
    # when the common prefix differs, else -1/0/1 (§2 strcmp)
    for a, b in zip(s1, s2):
        if a != b:
            return a - b
    return (len(s1) > len(s2)) - (len(s1) < len(s2))


@builtin("function strstr(big: string, little: string): count")
def strstr(ctx, big, little):
    return big.find(little) + 1


@builtin("function subst_string(s: string, from: string, to: string): string")
def subst_string(ctx, s, frm, to):
    return s.replace(frm, to) if frm else s


@builtin("function to_lower(str: string): string")
def to_lower(ctx, s):
    return bytes(c + 32 if 65 <= c <= 90 else c for c in s)


@builtin("function to_upper(str: string): string")
def to_upper(ctx, s):
    return bytes(c - 32 if 97 <= c <= 122 else c for c in s)


def _escape(s, backslash=False, quotes=False):
    out = bytearray()
    for c in s:
        if backslash and c == 0x5C:
            out += b"\\\\"
        elif quotes and c in (0x22, 0x27):
            out += b"\\" + bytes([c])
        elif c < 0x20 or c > 0x7E:
            out += b"\\x%02x" % c
        else:
            out.append(c)
    return bytes(out)


@builtin("function clean(str: string): string")
def clean(ctx, s):
    return _escape(s)


@builtin("function to_string_literal(str: string): string")
def to_string_literal(ctx, s):
    return _escape(s, backslash=True, quotes=True)


@builtin("function is_ascii(str: string): bool")
def is_ascii(ctx, s):
    return all(c < 0x80 for c in s)


@builtin("function escape_string(s: string): string")
def escape_string(ctx, s):
    return _escape(s, backslash=True)


@builtin("function string_to_ascii_hex(s: string): string")
def string_to_ascii_hex(ctx, s):
    return s.hex().encode()


@builtin("function str_split(s: string, idx: index_vec): string_vec")
def str_split(ctx, s, idx):
    if not idx.items:
        return string_vec(ctx, [])
    if any(i is UNSET for i in idx.items):
        # Bro 2.6 dereferences the hole and crashes
        ctx.builtin_error("str_split: hole in index vector; Bro 2.6 would crash here")
        return string_vec(ctx, [])
    cuts = {0}
    for i in idx.items:
        i = _c_int(i)
        cuts.add(i if 0 <= i < len(s) else 0)
    cuts = sorted(cuts) + [len(s)]
    return string_vec(ctx, [UNSET] + [s[a:b] for a, b in zip(cuts, cuts[1:])])


_SPACE = b" \t\n\r\v\f"


@builtin("function strip(str: string): string")
def strip(ctx, s):
    return s.strip(_SPACE)


@builtin("function string_fill(len: int, source: string): string")
def string_fill(ctx, n, src):
    if n < 0 or (n > 0 and not src):
        # a negative length aborts Bro 2.6, an empty source loops for ever
        ctx.builtin_error("string_fill: negative length or empty source; Bro 2.6 would "
                          + ("abort" if n < 0 else "hang") + " here")
        return b""
    if n == 0:
        return b""
    out = allocate(ctx.rt, n, ctx.loc, lambda: (src * (n // len(src) + 1))[:n])
    return out[:-1] + b"\x00"


@builtin("function str_shell_escape(source: string): string")
def str_shell_escape(ctx, s):
    out = bytearray()
    for c in s:
        if c in b'`"\\$':
            out.append(0x5C)
        out.append(c)
    return bytes(out)


def _hexdump(data: bytes) -> bytes:
    """§2 hexdump: 16 bytes a line, offset, two halves of hex, characters."""
    if not data:
        return b" " * 50 + b"\n"
    out = []
    for base in range(0, len(data), 16):
        group = data[base:base + 16]
        line = bytearray(b" " * 56)
        line[0:4] = (b"%.4x" % base)[:4]
        for k, c in enumerate(group):
            col = 6 + 3 * k + (k >= 8)
            line[col:col + 2] = b"%02x" % c
        for k, c in enumerate(group):
            if k == 8:
                line.append(0x20)
            line.append(c if 0x20 <= c <= 0x7E else 0x2E)
        out.append(bytes(line) + b"\n")
    return b"".join(out)


@builtin("function hexdump(data_str: string): string")
def hexdump(ctx, s):
    return _hexdump(s)


@builtin("function reverse(str: string): string")
def reverse(ctx, s):
    return s[::-1]


# ---------------------------------------------------------------- bro.bif
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
