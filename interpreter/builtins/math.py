"""Math builtins (values.md §6.9)."""
from __future__ import annotations

import math

from .registry import builtin


@builtin("function floor(d: double): double")
def floor(ctx, d):
    return float(math.floor(d))


@builtin("function sqrt(x: double): double")
def sqrt(ctx, x):
    if x < 0:
        ctx.builtin_error("negative sqrt argument")
        return -1.0
    return math.sqrt(x)


@builtin("function exp(d: double): double")
def exp(ctx, d):
    return math.exp(d)


@builtin("function ln(d: double): double")
def ln(ctx, d):
    return math.log(d) if d > 0 else float("-inf") if d == 0 else float("nan")


@builtin("function log10(d: double): double")
def log10(ctx, d):
    return math.log10(d) if d > 0 else float("-inf") if d == 0 else float("nan")
