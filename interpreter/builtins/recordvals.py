"""Building and reading records by field name, for builtins whose result
is a record type that a script declares (init-bare's ftp_port, NetStats...)."""
from __future__ import annotations

from ..runtime.values import RecordVal, UNSET


def record_of(rtype, **vals) -> RecordVal:
    """A record of `rtype` with the named fields set, the others unset."""
    out = [UNSET] * len(rtype.fields)
    for name, v in vals.items():
        out[rtype.index[name]] = v
    return RecordVal(rtype, out)


def field_of(rec: RecordVal, name: str):
    i = rec.rtype.index.get(name)
    return UNSET if i is None else rec.vals[i]


def result_type(ctx):
    """The declared result type of the builtin being called."""
    return ctx.desc.type
