"""Builtins that need the interpreter itself: control, environment, time,
the reporter, type names (values.md §6.6-§6.7, §1.5)."""
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
    # C's setenv() refuses an empty name, '=' or NUL in it: F.  Checked here,
    # since an interpreter's environment may be a plain dict, not os.environb
    if not var or b"=" in var or b"\0" in var or b"\0" in val:
        return False
    try:
        ctx.interp.environ[var] = val
    except (OSError, ValueError):
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


@builtin("function Reporter::info(msg: string): bool")
def reporter_info(ctx, msg):
    ctx.rt.reporter.write(f"{ctx.loc}: {msg.decode('latin-1')}")
    return True


@builtin("function Reporter::warning(msg: string): bool")
def reporter_warning(ctx, msg):
    ctx.rt.reporter.write(f"warning in {ctx.loc}: {msg.decode('latin-1')}")
    return True


@builtin("function Reporter::error(msg: string): bool")
def reporter_error(ctx, msg):
    ctx.rt.reporter.write(f"error in {ctx.loc}: {msg.decode('latin-1')}")
    return True


@builtin("function Reporter::fatal(msg: string): bool")
def reporter_fatal(ctx, msg):
    ctx.rt.reporter.write(f"fatal error in {ctx.loc}: {msg.decode('latin-1')}")
    raise ScriptExit(1)
