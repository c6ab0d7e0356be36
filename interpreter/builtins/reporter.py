"""Reporter builtins (bifs/strings-reporter-misc.md §3): messages on
stderr in Bro's reporter format."""
from __future__ import annotations

from ..errors import ScriptExit
from .registry import builtin


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
