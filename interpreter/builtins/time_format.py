"""strftime and strptime (bifs/core-2.md §5). Bro hands both to the C
library in the local time zone, and its quirks (leftover input ignored,
field widths, mktime normalising) are glibc's, so we call glibc too,
through ctypes, rather than Python's own re-implementation of strptime."""
from __future__ import annotations

import ctypes
import math

from .bifutil import c_string, reporter_warning, text
from .registry import builtin


class _Tm(ctypes.Structure):
    _fields_ = [("tm_sec", ctypes.c_int), ("tm_min", ctypes.c_int),
                ("tm_hour", ctypes.c_int), ("tm_mday", ctypes.c_int),
                ("tm_mon", ctypes.c_int), ("tm_year", ctypes.c_int),
                ("tm_wday", ctypes.c_int), ("tm_yday", ctypes.c_int),
                ("tm_isdst", ctypes.c_int), ("tm_gmtoff", ctypes.c_long),
                ("tm_zone", ctypes.c_char_p)]


_libc = None


def _c():
    """The C library, loaded on first use."""
    global _libc
    if _libc is None:
        import ctypes.util      # here: it imports subprocess, which most runs never need
        lib = ctypes.CDLL(ctypes.util.find_library("c") or None)
        lib.tzset.restype = None
        lib.localtime_r.argtypes = [ctypes.POINTER(ctypes.c_long), ctypes.POINTER(_Tm)]
        lib.localtime_r.restype = ctypes.c_void_p
        lib.strftime.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
                                 ctypes.POINTER(_Tm)]
        lib.strftime.restype = ctypes.c_size_t
        lib.strptime.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(_Tm)]
        lib.strptime.restype = ctypes.c_char_p
        lib.mktime.argtypes = [ctypes.POINTER(_Tm)]
        lib.mktime.restype = ctypes.c_long
        lib.tzset()
        _libc = lib
    return _libc


def _localtime(secs: int):
    tm = _Tm()
    if not _c().localtime_r(ctypes.byref(ctypes.c_long(secs)), ctypes.byref(tm)):
        return None
    return tm


_STRFTIME_BUF = 128      # Bro's buffer: a result this long is an error


@builtin("function strftime(fmt: string, d: time): string")
def strftime(ctx, fmt, d):
    fmt = c_string(ctx, fmt)
    if not math.isfinite(d) or abs(d) >= 2.0 ** 63:
        return b"<strftime error>"
    tm = _localtime(int(d))             # whole seconds, toward zero
    if tm is None:
        return b"<strftime error>"
    buf = ctypes.create_string_buffer(_STRFTIME_BUF)
    n = _c().strftime(buf, _STRFTIME_BUF, fmt, ctypes.byref(tm))
    if n == 0:                          # empty, or did not fit
        return b"<strftime error>"
    return buf.raw[:n]


@builtin("function strptime(fmt: string, d: string): time")
def strptime(ctx, fmt, d):
    fmt = c_string(ctx, fmt)
    d = c_string(ctx, d)
    # start from the local broken-down epoch; strptime overwrites what fmt names
    tm = _localtime(0)
    if tm is None or _c().strptime(d, fmt, ctypes.byref(tm)) is None:
        reporter_warning(ctx, f"strptime conversion failed: fmt:{text(fmt)} d:{text(d)}")
        return 0.0
    return float(_c().mktime(ctypes.byref(tm)))
