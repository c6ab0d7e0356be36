"""Helpers shared by the builtins of bifs/core-3.md (connections, files,
DNS, GeoIP, communication): records of script-declared types, C-string
arguments, runtime reporter messages."""
from __future__ import annotations

from ..runtime.describe import escape_print
from ..runtime.values import UNSET, RecordVal


def global_type(ctx, name):
    return ctx.interp.globals[name].type


def global_value(ctx, name, default=None):
    gid = ctx.interp.globals.get(name)
    if gid is None or gid.value is UNSET:
        return default
    return gid.value


def make_record(ctx, type_or_name, **fields) -> RecordVal:
    """A record of a declared type with only `fields` set (the rest unset,
    as the C++ code that builds it field by field leaves them)."""
    rt = global_type(ctx, type_or_name) if isinstance(type_or_name, str) else type_or_name
    vals = [UNSET] * len(rt.fields)
    for name, v in fields.items():
        i = rt.index.get(name)
        if i is not None:
            vals[i] = v
    return RecordVal(rt, vals)


def runtime_error(ctx, msg: str) -> None:
    """A message the C++ code gives the reporter directly: no location at run
    time (bifs/core-3.md §1.1)."""
    ctx.rt.reporter.error(msg, None)


def runtime_info(ctx, msg: str) -> None:
    ctx.rt.reporter.write(msg)


def c_string(ctx, b: bytes) -> str:
    """A string argument read as a C string (bifs/core-3.md §1.1): one with a
    NUL byte is reported and replaced by Bro's placeholder name."""
    if b"\0" in b:
        runtime_error(ctx, 'string with embedded NUL: "%s"' % escape_print(b).decode("latin-1"))
        return "<string-with-NUL>"
    return b.decode("latin-1")


def fs(name: str) -> bytes:
    """A file name as the bytes the script gave."""
    return name.encode("latin-1")
