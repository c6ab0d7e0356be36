"""input.bif: the five native functions of the input framework
(bifs/logging-input.md §2.2).  The work is the input package's
(interpreter/input/manager.py); this module only registers the builtins
and hooks the manager into the run (§2.8)."""
from __future__ import annotations

from .registry import builtin


def manager(ctx):
    """This interpreter's input manager, made (and hooked into the main
    loop and shutdown) when the first stream is asked for."""
    interp = ctx.interp
    m = getattr(interp, "input_manager", None)
    if m is None:
        from ..input.manager import Manager
        m = interp.input_manager = Manager(interp)
    return m


@builtin("function Input::__create_table_stream(description: Input::TableDescription): bool")
def create_table_stream(ctx, description):
    return manager(ctx).create("table", description)


@builtin("function Input::__create_event_stream(description: Input::EventDescription): bool")
def create_event_stream(ctx, description):
    return manager(ctx).create("event", description)


@builtin("function Input::__create_analysis_stream(description: Input::AnalysisDescription): bool")
def create_analysis_stream(ctx, description):
    return manager(ctx).create("analysis", description)


@builtin("function Input::__remove_stream(id: string): bool")
def remove_stream(ctx, id):
    return manager(ctx).remove(id.decode("latin-1"))


@builtin("function Input::__force_update(id: string): bool")
def force_update(ctx, id):
    return manager(ctx).force_update(id.decode("latin-1"))
