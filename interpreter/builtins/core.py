"""Builtins that need the interpreter itself: control, environment, time,
type names (values.md §6.6-§6.7, §1.5)."""
from __future__ import annotations

import os
import time

from ..errors import ScriptExit
from ..types import type_name as _type_name
from .registry import builtin


@builtin("function type_name(t: any): string")
def type_name(ctx, t):
    return _type_name(t.type).encode()


@builtin("function getenv(var: string): string")
def getenv(ctx, var):
    return ctx.interp.environ.get(var, b"")


@builtin("function setenv(var: string, val: string): bool")
def setenv(ctx, var, val):
    try:
        ctx.interp.environ[var] = val
    except (OSError, ValueError):
        # C's setenv() refuses an empty name, '=' or NUL in it: F
        return False
    return True


@builtin("function network_time(): time")
def network_time(ctx):
    return ctx.rt.network_time


@builtin("function current_time(): time")
def current_time(ctx):
    return time.time()


@builtin("function terminate(): bool")
def terminate(ctx):
    if ctx.rt.terminating:
        return False
    ctx.rt.terminate_requested = True
    return True


@builtin("function exit(code: int): any")
def exit_(ctx, code):
    raise ScriptExit(code & 0xFF)
