"""Introspection: lookup_ID, global_ids, global_sizes, record_fields,
record_type_to_vector, same_object, val_size (bifs/core-1.md §6, §9)."""
from __future__ import annotations

from .. import types as T
from ..errors import ScriptExit
from ..runtime.ops import key_of
from ..runtime.values import (UNSET, AnyVal, FuncVal, OpaqueVal, RecordVal, TableVal,
                              VectorVal)
from .bifutil import c_string, dynamic, named_type, new_record, text
from .registry import builtin


def _table_insert(tab: TableVal, key, value) -> None:
    tab.data[key_of([key])] = [[key], value]


def _has_value(gid) -> bool:
    return gid.kind not in ("type", "enum") and gid.value is not UNSET and gid.value is not None


def _all_globals(interp) -> list:
    """Every global as (name, id), each one declared: a deferred declaration
    is made when first looked at (deferred.py), which re-enters its names,
    so the dict is walked only after all of them are made."""
    for gid in list(interp.globals.values()):
        gid.type
    return list(interp.globals.items())


def _visible(name: str) -> bool:
    # Bro leaves out its internal `#...` identifiers
    return not name.startswith("#")


# ---------------------------------------------------------------- lookup_ID
@builtin("function lookup_ID(id: string): any")
def lookup_ID(ctx, id):
    name = text(c_string(ctx, id))
    gid = ctx.interp.globals.get(name)
    if gid is None or not _visible(name) or name in ("zeek_init", "zeek_done"):
        return AnyVal(T.STRING, b"<unknown id>")
    if not _has_value(gid):
        return AnyVal(T.STRING, b"<no ID value>")
    # the identifier's own value, shared (bro.bif lookup_ID)
    return AnyVal(gid.type, gid.value)


# ---------------------------------------------------------------- global_ids
def _tag_name(t) -> str:
    """The short name of a type's tag (Type.cc type_name of the tag)."""
    return t.kind if t is not None else "void"


@builtin("function global_ids(): id_table", lazy=True)
def global_ids(ctx):
    id_table = named_type(ctx, "id_table")
    script_id = named_type(ctx, "script_id")
    out = TableVal(id_table)
    for name, gid in _all_globals(ctx.interp):
        if not _visible(name) or name in ("zeek_init", "zeek_done"):
            continue
        rec = new_record(
            script_id,
            type_name=_tag_name(gid.type).encode(),
            exported=bool(gid.exported),
            constant=gid.kind == "const",
            enum_constant=gid.kind == "enum",
            option_value=gid.kind == "option",
            redefinable=gid.attrs.has("&redef"))
        if _has_value(gid):
            rec.vals[script_id.index["value"]] = AnyVal(gid.type, gid.value)
        _table_insert(out, name.encode(), rec)
    return out


@builtin("function global_sizes(): var_sizes", lazy=True)
def global_sizes(ctx):
    out = TableVal(named_type(ctx, "var_sizes"))
    for name, gid in _all_globals(ctx.interp):
        if _visible(name) and _has_value(gid) and name not in ("zeek_init", "zeek_done"):
            _table_insert(out, name.encode(), value_size(gid.type, gid.value))
    return out


# ---------------------------------------------------------------- records
@builtin("function record_fields(rec: any): record_field_table", lazy=True)
def record_fields(ctx, rec):
    t, v = dynamic(rec)
    if t.kind != "record":
        # Bro converts the value before its own check: a fatal error that
        # names the value's location, none for run-time values
        from ..runtime.describe import describe
        ctx.rt.reporter.write(
            f"fatal error in <no location>: Val::CONVERTER ({t.kind}/record) "
            f"({describe(t, v, 'print').decode('latin-1')})")
        raise ScriptExit(1)
    rf = named_type(ctx, "record_field")
    out = TableVal(named_type(ctx, "record_field_table"))
    from ..runtime.ops import deep_copy
    records = ctx.interp.compiler.records
    for i, f in enumerate(t.fields):
        entry = new_record(rf, type_name=b"record", log=f.attrs.has("&log"))
        val = v.vals[i] if i < len(v.vals) else UNSET
        if val is not UNSET:
            entry.vals[rf.index["value"]] = AnyVal(f.type, val)
        d = f.attrs.get("&default")
        if d is not None and d.expr is not None:
            try:
                dv = records.attr_fn(d)([None])
                if isinstance(dv, (RecordVal, TableVal, VectorVal)):
                    dv = deep_copy(dv)
                entry.vals[rf.index["default_val"]] = AnyVal(f.type, dv)
            except Exception:       # an erroring &default leaves it unset
                pass
        _table_insert(out, f.name.encode(), entry)
    return out


@builtin("function record_type_to_vector(rt: string): string_vec")
def record_type_to_vector(ctx, rt):
    name = text(c_string(ctx, rt))
    gid = ctx.interp.globals.get(name)
    if gid is None or gid.type is None:
        # Bro's internal_type() fails: an internal error, then abort
        ctx.rt.reporter.write(f"internal error: internal type {name} missing")
        raise ScriptExit(134)
    t = gid.type
    if t.kind != "record":
        ctx.rt.reporter.write(f"fatal error: BroType::AsRecordType ({t.kind}/record)")
        raise ScriptExit(1)
    # slot 0 stays a hole, field i goes to slot i+1 (bro.bif)
    return VectorVal(named_type(ctx, "string_vec"),
                     [UNSET] + [f.name.encode() for f in t.fields])


# ---------------------------------------------------------------- objects
@builtin("function same_object(o1: any, o2: any): bool")
def same_object(ctx, o1, o2):
    t1, v1 = dynamic(o1)
    t2, v2 = dynamic(o2)
    if t1.kind != t2.kind:
        return False
    # Our atomic values are Python objects passed by reference as Bro passes
    # its Val objects: assignment and argument passing keep the identity
    return v1 is v2


# Sizes are Bro's x86-64 object sizes rounded as its padded_sizeof does;
# only their relations are testable (bifs/core-1.md §6 val_size).
_VAL = 32
_PER_ENTRY = 64


def value_size(t, v) -> int:
    if isinstance(v, AnyVal):
        return value_size(v.type, v.value)
    if isinstance(v, bytes):
        return _VAL + 16 + len(v)
    if isinstance(v, RecordVal):
        return _VAL + 8 * len(v.vals) + sum(
            value_size(f.type, x) for f, x in zip(v.rtype.fields, v.vals) if x is not UNSET)
    if isinstance(v, VectorVal):
        yt = v.vtype.yield_
        return _VAL + 24 + sum(8 + value_size(yt, x) for x in v.items if x is not UNSET)
    if isinstance(v, TableVal):
        yt = v.ttype.yield_
        return _VAL + 96 + sum(_PER_ENTRY + (value_size(yt, e[1]) if yt is not None else 0)
                               for e in v.data.values())
    if isinstance(v, (FuncVal, OpaqueVal)):
        return _VAL + 32
    return _VAL


@builtin("function val_size(v: any): count")
def val_size(ctx, v):
    t, x = dynamic(v)
    return value_size(t, x)
