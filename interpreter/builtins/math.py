"""Math builtins (values.md §6.9)."""
from __future__ import annotations

import math

from .bifutil import reporter_error
from .registry import builtin


@builtin("function floor(d: double): double")
def floor(ctx, d):
    # C's floor(): infinities and NaN stay as they are
    return float(math.floor(d)) if math.isfinite(d) else d


@builtin("function sqrt(x: double): double")
def sqrt(ctx, x):
    if x < 0:
        # a reporter error, without location (bifs/core-1.md §8)
        reporter_error(ctx, "negative sqrt argument")
        return -1.0
    return math.sqrt(x)


@builtin("function exp(d: double): double")
def exp(ctx, d):
    try:
        return math.exp(d)
    except OverflowError:       # C's exp() gives HUGE_VAL, i.e. inf
        return float("inf")


@builtin("function ln(d: double): double")
def ln(ctx, d):
    return math.log(d) if d > 0 else float("-inf") if d == 0 else float("nan")


@builtin("function log10(d: double): double")
def log10(ctx, d):
    return math.log10(d) if d > 0 else float("-inf") if d == 0 else float("nan")
