"""Log columns: flattening a record type into leaf columns and reading a
row's values out of a record (bifs/logging-input.md §1.3, §1.4)."""
from __future__ import annotations

from ..runtime.values import UNSET, AnyVal, RecordVal

ATOMIC = {"bool", "int", "count", "port", "subnet", "addr", "double", "time", "interval",
          "enum", "string", "file", "func"}


class Unsupported(Exception):
    """A leaf that no writer can take (§1.3 rule 6)."""


class Column:
    __slots__ = ("name", "type", "path", "optional")

    def __init__(self, name, type_, path, optional):
        self.name = name          # flattened name, renamed by field_name_map later
        self.type = type_
        self.path = path          # field indices from the outer record
        self.optional = optional


def leaf_ok(t) -> bool:
    k = t.kind
    if k in ATOMIC:
        return True
    if k == "table" and t.is_set:
        return t.indices is not None and len(t.indices) == 1
    return k == "vector"


def logged(rtype, i: int) -> bool:
    """Field i has &log, or the record type was declared `} &log;` with it
    (declare.py sets `log_upto`)."""
    return i < rtype.log_upto or rtype.fields[i].attrs.has("&log")


def flatten(rtype, prefix: str, sep: str, include, exclude, out: list, path=()):
    """Depth-first over the &log fields of `rtype` (§1.3 rules 2-7); a record
    field is walked into and never becomes a column itself; include/exclude
    test only the leaves' full names."""
    for i, f in enumerate(rtype.fields):
        if not logged(rtype, i):
            continue
        name = prefix + f.name
        t = f.type
        if t.kind == "record":
            flatten(t, name + sep, sep, include, exclude, out, path + (i,))
            continue
        if not leaf_ok(t):
            raise Unsupported
        if include is not None and name not in include:
            continue
        if exclude is not None and name in exclude:
            continue
        out.append(Column(name, t, path + (i,), f.optional))


def type_label(t) -> str:
    """The `#types` name of a column type (§1.3 table)."""
    k = t.kind
    if k == "table":
        return f"set[{t.indices[0].kind}]"
    if k == "vector":
        return f"vector[{t.yield_.kind}]"
    return k


def read(rec, path):
    """The value at `path` in `rec`, or UNSET when any step is unset (§1.4).
    A path taken from another record type (Bro's extension-field bug, §1.4)
    may run past the record's end or into a non-record: also unset."""
    v = rec
    for i in path:
        while isinstance(v, AnyVal):
            v = v.value
        if not isinstance(v, RecordVal) or i >= len(v.vals):
            return UNSET
        v = v.vals[i]
        if v is UNSET or v is None:
            return UNSET
    while isinstance(v, AnyVal):
        v = v.value
    return v
