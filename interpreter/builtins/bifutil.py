"""Helpers the bro.bif families share: `any` arguments, reporter messages
without a script location, the C-string NUL check, script-declared types
(bifs/core-1.md §0, bifs/core-2.md §0). No builtins live here."""
from __future__ import annotations

from ..runtime.values import AnyVal, RecordVal, UNSET


def dynamic(v):
    """The dynamic type and value of an `any` argument."""
    t, x = v.type, v.value
    while isinstance(x, AnyVal):
        t, x = x.type, x.value
    return t, x


def at_parse_time(ctx) -> bool:
    """True while global initialisers run: network time is still 0.0 then
    (bifs/core-1.md §1 network_time)."""
    return ctx.rt.network_time == 0.0


def reporter_error(ctx, msg: str) -> None:
    """`error: M`: Bro's reporter gives no location at run time, and the
    parser's position while scripts are read (bifs/core-2.md §0)."""
    ctx.rt.reporter.error(msg, ctx.loc if at_parse_time(ctx) else None)


def reporter_warning(ctx, msg: str) -> None:
    ctx.rt.reporter.warning(msg, ctx.loc if at_parse_time(ctx) else None)


def escaped(s: bytes) -> str:
    """Bytes outside 0x20-0x7e as \\xNN (lowercase), as BroString renders
    them for messages (bifs/core-2.md §0 "rendered text")."""
    return "".join(chr(b) if 0x20 <= b <= 0x7E else f"\\x{b:02x}" for b in s)


NUL_TEXT = b"<string-with-NUL>"


def c_string(ctx, s: bytes) -> bytes:
    """A string argument Bro hands to C: with an embedded NUL it reports
    `string with embedded NUL` and uses a 17-byte text instead
    (bifs/core-1.md §0)."""
    if b"\x00" in s:
        reporter_error(ctx, f'string with embedded NUL: "{escaped(s)}"')
        return NUL_TEXT
    return s


def named_type(ctx, name: str):
    """A type that init-bare declares (records of builtin results)."""
    gid = ctx.interp.globals.get(name)
    return gid.type if gid is not None else None


def new_record(rtype, **fields) -> RecordVal:
    vals = [UNSET] * len(rtype.fields)
    for k, v in fields.items():
        vals[rtype.index[k]] = v
    return RecordVal(rtype, vals)


def text(b: bytes) -> str:
    """Script bytes as message text (our messages are latin-1)."""
    return b.decode("latin-1")
