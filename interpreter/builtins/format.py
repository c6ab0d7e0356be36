"""fmt, cat, cat_sep, string_cat, join_string_vec (values.md §6.1-§6.2).

All of them render through `describe` in context B ("raw", values.md §1.3);
fmt adds Bro's own directive parser (bro.bif do_fmt), whose quirks we keep:
a `0` flag only pads numbers, a precision is an error for everything but
e/f/g yet is still applied, and a too-wide field stops the directive before
its conversion letter, which is then copied as plain text.
"""
from __future__ import annotations

import math
import time

from ..runtime.describe import describe
from ..runtime.values import AnyVal, UNSET
from .registry import builtin, NOT_CONST

_PCT, _MINUS, _ZERO, _DOT = 0x25, 0x2D, 0x30, 0x2E
_DIGITS = range(0x30, 0x3A)

# The types do_fmt accepts for %d/%x and for %e/%f/%g.  Subnet passes the
# %d/%x check but is neither signed nor unsigned inside, so it formats as 0.
_D_KINDS = frozenset(("bool", "enum", "int", "count", "counter", "port", "subnet"))
_SIGNED = frozenset(("bool", "enum", "int"))
_FLOAT_KINDS = frozenset(("double", "time", "interval"))
_M64 = (1 << 64) - 1


def _short(a: AnyVal) -> str:
    """The second object of a builtin error, rendered as in messages (§7.1)."""
    return describe(a.type, a.value, "short").decode("latin-1")


def _c_string(ctx, s: bytes) -> bytes:
    """BroString::CheckString: Bro reads a format or separator as a C string.
    One with an embedded NUL is reported and replaced."""
    if b"\x00" not in s:
        return s
    from ..runtime.describe import escape_print
    ctx.rt.reporter.error('string with embedded NUL: "%s"'
                          % escape_print(s).decode("latin-1"), None)
    return b"<string-with-NUL>"


# --------------------------------------------------------------------------
# fmt

# the plain directives a constant format may hold, and the argument types
# each renders exactly as Python's bytes % does
_TEMPLATE_KINDS = {b"s": ("string", "count", "int"), b"d": ("count", "int")}


def _fmt_template(args):
    """A constant format of plain `%s`/`%d` directives over strings, counts
    and ints, one argument each, is Python's own `bytes % tuple`: those
    directives render exactly as _directive does and cannot fail."""
    if not args or args[0][0].kind != "string" or args[0][1] is NOT_CONST:
        return None
    f = args[0][1]
    if b"\x00" in f:
        return None
    rest = [t.kind for t, _ in args[1:]]
    template, pos, n = bytearray(), 0, 0
    while (j := f.find(b"%", pos)) >= 0:
        template += f[pos:j]
        conv = f[j + 1:j + 2]
        if conv == b"%":
            template += b"%%"
        elif n < len(rest) and rest[n] in _TEMPLATE_KINDS.get(conv, ()):
            template += b"%s" if rest[n] == "string" else b"%d"
            n += 1
        else:
            return None
        pos = j + 2
    if n != len(rest):
        return None
    template = bytes(template + f[pos:])

    def fast(_fmt, *vals):
        return template % vals
    return fast


@builtin("function fmt(...): string", specialize=_fmt_template)
def fmt(ctx, args):
    if not args:
        return b""
    fmt_v = args[0]
    # Bro's checker insists on a string here; be safe if one slips through.
    f = fmt_v.value if fmt_v.type.kind == "string" else describe(fmt_v.type, fmt_v.value, "raw")
    f = _c_string(ctx, f)
    out = bytearray()
    n = 0            # arguments consumed, as in bro.bif next_fmt
    i = 0
    while True:
        j = f.find(b"%", i)
        if j < 0:
            out += f[i:]
            break
        out += f[i:j]
        j += 1
        if j < len(f) and f[j] == _PCT:
            out += b"%"
            i = j + 1
            continue
        n += 1
        if n >= len(args):
            break
        # A lone trailing '%' with an argument left reaches do_fmt, which
        # reports "bad format" and steps past the end: i > len(f) stops us.
        i = _directive(ctx, f, j, args[n], out)
    if n < len(args) - 1:
        ctx.builtin_error("too many arguments for format", _short(fmt_v))
        return b""
    if n >= len(args):
        ctx.builtin_error("too few arguments for format", _short(fmt_v))
        return b""
    return bytes(out)


def _directive(ctx, f: bytes, j: int, arg: AnyVal, out: bytearray) -> int:
    """One `%[-][0][width][.prec]conv` directive starting after the `%`;
    appends its text and returns where plain text resumes (§6.1)."""
    end = len(f)
    left = zero = False
    if j < end and f[j] == _MINUS:
        left = True
        j += 1
    if j < end and f[j] == _ZERO:
        zero = True
        j += 1
    width = prec = -1
    if j < end and f[j] in _DIGITS:
        width = 0
        while j < end and f[j] in _DIGITS:
            width = width * 10 + f[j] - _ZERO
            j += 1
    if j < end and f[j] == _DOT:
        j += 1
        prec = 0
        while j < end and f[j] in _DIGITS:
            prec = prec * 10 + f[j] - _ZERO
            j += 1
    if width > 128 or prec > 128:
        # do_fmt returns before consuming the conversion letter.
        ctx.builtin_error("excessive field width or precision")
        return j
    conv = chr(f[j]) if j < end else "\0"
    if prec >= 0 and conv not in "efg":
        ctx.builtin_error("precision specified for non-floating point")

    t, v = arg.type, arg.value
    while isinstance(v, AnyVal):
        t, v = v.type, v.value
    k = t.kind
    s = b""
    if conv == "s":
        s = describe(t, v, "raw")
    elif conv == "d" or conv == "x":
        if conv == "x" and k == "addr":
            # Flags and width do not reach the digits; the padding below
            # still applies.
            s = (b"%08x" % (v & 0xFFFFFFFF)) if (v >> 32) == 0xFFFF else b"%032x" % v
        elif k not in _D_KINDS or v is UNSET:
            ctx.builtin_error("bad type for %d/%x format", _short(arg))
        else:
            s = _c_integer(_as_integer(k, v), k in _SIGNED, conv, left, zero, width, prec)
    elif conv in ("e", "f", "g"):
        if k not in _FLOAT_KINDS:
            ctx.builtin_error("bad type for floating-point format", _short(arg))
        else:
            s = _c_float(float(v), conv, left, zero, width, prec)
    elif conv == "D" or conv == "T":
        if k != "time":
            ctx.builtin_error("bad type for Date/Time format", _short(arg))
        else:
            s = _date_time(float(v), conv)
            if s is None:
                # localtime_r() cannot break it down (Bro would pass its NULL
                # on to strftime): an error of the directive, as the others
                ctx.builtin_error("time out of range for Date/Time format", _short(arg))
                s = b""
    else:
        ctx.builtin_error("bad format")

    # Bro pads every directive's text (even an empty one after an error)
    # to the field width with spaces; the `0` flag only reached printf.
    if width > len(s):
        pad = b" " * (width - len(s))
        s = s + pad if left else pad + s
    out += s
    return j + 1


def _as_integer(kind: str, v) -> int:
    if kind == "bool":
        return 1 if v else 0
    if kind == "enum":
        return v.num
    if kind == "port":
        return v & 0xFFFF
    if kind == "subnet":
        return 0
    return v


def _c_integer(n: int, signed: bool, conv: str, left: bool, zero: bool,
               width: int, prec: int) -> bytes:
    """C printf %lld / %llu / %llx with Bro's flags (Python's % differs: it
    zero-pads even with a precision)."""
    if conv == "x":
        digits, sign = b"%x" % (n & _M64), b""
    elif signed and n < 0:
        digits, sign = b"%d" % -n, b"-"
    else:
        digits, sign = b"%d" % (n & _M64), b""
    if prec >= 0:
        digits = b"" if prec == 0 and n == 0 else digits.rjust(prec, b"0")
    body_len = len(sign) + len(digits)
    if width <= body_len:
        return sign + digits
    if left:
        return (sign + digits).ljust(width)
    if zero and prec < 0:
        return sign + digits.rjust(width - len(sign), b"0")
    return (sign + digits).rjust(width)


def _c_float(x: float, conv: str, left: bool, zero: bool, width: int, prec: int) -> bytes:
    """C printf %e/%f/%g.  Python agrees on finite values; glibc writes
    inf/nan (with "-nan" for a negative NaN) and never zero-pads them."""
    if math.isfinite(x):
        spec = "%" + ("-" if left else "") + ("0" if zero else "")
        spec += (str(width) if width >= 0 else "") + ("." + str(prec) if prec >= 0 else "")
        return ((spec + conv) % x).encode("ascii")
    if x != x:
        text = b"-nan" if math.copysign(1.0, x) < 0 else b"nan"
    else:
        text = b"-inf" if x < 0 else b"inf"
    if width > len(text):
        text = text.ljust(width) if left else text.rjust(width)
    return text


def _date_time(x: float, conv: str) -> bytes:
    """%D / %T: local time (depends on TZ, values.md §6.1)."""
    try:
        secs = int(x)                  # time_t(v): truncation toward zero
        tm = time.localtime(secs)
    except (OverflowError, OSError, ValueError):    # also NaN and inf
        return None
    if conv == "D":
        return time.strftime("%Y-%m-%d-%H:%M:%S", tm).encode("ascii")
    frac = tm.tm_sec + (x - secs)
    return (time.strftime("%Y-%m-%d-%H:%M", tm) + ":%012.9f" % frac).encode("ascii")


# --------------------------------------------------------------------------
# cat and friends (§6.2)

@builtin("function cat(...): string")
def cat(ctx, args):
    return b"".join([describe(a.type, a.value, "raw") for a in args])


@builtin("function cat_sep(sep: string, def: string, ...): string")
def cat_sep(ctx, sep, def_, args):
    sep = _c_string(ctx, sep)
    parts = []
    for a in args:
        if a.type.kind == "string" and not a.value:
            parts.append(def_)        # an empty string argument becomes `def`
        else:
            parts.append(describe(a.type, a.value, "raw"))
    return sep.join(parts)


@builtin("function string_cat(...): string")
def string_cat(ctx, args):
    for a in args:
        if a.type.kind != "string":
            # Bro reads each argument as a string; any other value stops it
            # with its accessor's fatal error (bifs/strings-reporter-misc.md §1.1)
            from ..errors import BroFatal
            from ..types import type_name
            raise BroFatal(f"Val::CONST_ACCESSOR ({type_name(a.type)}/string) ({_short(a)})",
                           ctx.loc)
    return b"".join([a.value for a in args])


@builtin("function join_string_vec(vec: string_vec, sep: string): string")
def join_string_vec(ctx, vec, sep):
    # A hole contributes nothing, but its separator is still written; a
    # separator with a NUL is reported each time it is written (§2).
    out = []
    for i, x in enumerate(vec.items):
        if i:
            out.append(_c_string(ctx, sep))
        out.append(b"" if x is UNSET or x is None else x)
    return b"".join(out)
