"""logging.bif's stream and filter bookkeeping (bifs/logging-input.md §1.2).

Streams and filters are registered, checked, enabled and removed as Bro's
logging manager does, so that Bro's own logging framework runs unchanged
(its bro_init creates streams and default filters).  Filters' columns,
writing rows and the writers are the logging package's (interpreter/logging/),
reached from the hooks here."""
from __future__ import annotations

from .registry import builtin

# types a &log field may have (logging-input.md §1.2, check 2)
ATOMIC = {"bool", "int", "count", "port", "subnet", "addr", "double", "time", "interval",
          "enum", "string", "file", "func"}


class Stream:
    __slots__ = ("columns", "event", "enabled", "filters", "buffered")

    def __init__(self, columns, event):
        self.columns = columns
        self.event = event
        self.enabled = True
        self.filters: list = []       # names, in the order added
        self.buffered = True


def streams(ctx) -> dict:
    """The streams of this interpreter: Log::ID value name -> Stream."""
    s = getattr(ctx.interp, "log_streams", None)
    if s is None:
        s = ctx.interp.log_streams = {}
    return s


def manager(ctx):
    """This interpreter's log manager (logging/manager.py)."""
    m = getattr(ctx.interp, "log_manager", None)
    if m is None:
        from ..logging.manager import Manager
        m = ctx.interp.log_manager = Manager(ctx.interp)
    return m


def error(ctx, msg):
    # a reporter error without a location (values.md §7.1)
    ctx.rt.reporter.error(msg, None)


def loggable(t) -> bool:
    k = t.kind
    if k in ATOMIC or k == "record":
        return True
    if k == "table" and t.is_set:
        return t.indices is not None and len(t.indices) == 1 and t.indices[0].kind in ATOMIC
    if k == "vector":
        return t.yield_ is not None and t.yield_.kind in ATOMIC
    return False


def field_of(rec, name):
    for i, f in enumerate(rec.rtype.fields):
        if f.name == name:
            return rec.vals[i]
    return None


@builtin("function Log::__create_stream(id: Log::ID, stream: Log::Stream): bool")
def create_stream(ctx, id, stream):
    if getattr(stream.rtype, "name", None) != "Log::Stream":
        error(ctx, "sval argument not of right type")
        return False
    cols = field_of(stream, "columns")
    columns = getattr(cols, "value", None)
    from ..logging.columns import logged as is_logged
    logged = ([f for i, f in enumerate(columns.fields) if is_logged(columns, i)]
              if getattr(columns, "kind", None) == "record" else [])
    for f in logged:
        if not loggable(f.type):
            error(ctx, f"type of field '{f.name}' is not support for logging output")
            return False
    if not logged:
        error(ctx, "logged record type does not have any &log attributes")
        return False
    ev = field_of(stream, "ev")
    event = None
    if ev is not None and getattr(ev, "value", None) is not None and hasattr(ev, "type"):
        ft = ev.type
        if ft.kind != "func" or ft.flavor != "event":
            error(ctx, "stream event is a function, not an event")
            return False
        if len(ft.params) != 1:
            error(ctx, "stream event must take a single argument")
            return False
        if ft.params[0].type is not columns:
            error(ctx, "stream event's argument type does not match column record type")
            # Bro returns a pointer converted to bool here: T, no stream made
            return True
        event = ev.value
    # an existing stream of that id goes, its writers unflushed (§1.2)
    manager(ctx).drop_stream(id.name, close=False)
    streams(ctx)[id.name] = Stream(columns, event)
    return True


@builtin("function Log::__remove_stream(id: Log::ID): bool")
def remove_stream(ctx, id):
    manager(ctx).drop_stream(id.name, close=True)
    return streams(ctx).pop(id.name, None) is not None


@builtin("function Log::__enable_stream(id: Log::ID): bool")
def enable_stream(ctx, id):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    s.enabled = True
    return True


@builtin("function Log::__disable_stream(id: Log::ID): bool")
def disable_stream(ctx, id):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    s.enabled = False
    return True


@builtin("function Log::__add_filter(id: Log::ID, filter: Log::Filter): bool")
def add_filter(ctx, id, filter):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    if getattr(filter.rtype, "name", None) != "Log::Filter":
        error(ctx, "filter argument not of right type")
        return False
    ext = field_of(filter, "ext_func")
    ft = getattr(ext, "ftype", None)
    ret = ft.ret if ft is not None else None
    if ret is not None and ret.kind not in ("record", "void"):
        from ..types import type_name
        error(ctx, f"Return value of log_ext is not a record (got {type_name(ret)})")
        return False
    if not manager(ctx).add_filter(id.name, filter, s.columns):
        return False
    name = field_of(filter, "name")
    if name in s.filters:
        s.filters.remove(name)
    s.filters.append(name)
    return True


@builtin("function Log::__remove_filter(id: Log::ID, name: string): bool")
def remove_filter(ctx, id, name):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    if name in s.filters:
        s.filters.remove(name)
    manager(ctx).remove_filter(id.name, name)
    return True


@builtin("function Log::__write(id: Log::ID, columns: any): bool")
def write(ctx, id, columns):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    if not s.enabled:
        return True
    return manager(ctx).write(ctx, id.name, id, s, columns)


@builtin("function Log::__set_buf(id: Log::ID, buffered: bool): bool")
def set_buf(ctx, id, buffered):
    s = streams(ctx).get(id.name)
    if s is None:
        return False
    s.buffered = buffered
    return True


@builtin("function Log::__flush(id: Log::ID): bool")
def flush(ctx, id):
    return id.name in streams(ctx)
