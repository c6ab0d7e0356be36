"""The checks `Input::add_table` / `add_event` make before a stream exists,
with Bro's exact messages in Bro's order (bifs/logging-input.md §2.3, §2.4),
and the field unrolling of §2.3.

Each check function returns None when the description is acceptable, or
reports the error and returns False; on success it fills a `Plan` the
manager builds the stream from."""
from __future__ import annotations

from ..runtime.values import UNSET, AnyVal, FuncVal, field, plain
from ..types import RecordType, same_type, type_name
from .reader import Field

LEAVES = {"bool", "int", "count", "port", "subnet", "addr", "double", "time",
          "interval", "enum", "string"}


class CheckFailed(Exception):
    """A check failed; its message was already reported."""


def as_type(v):
    """The record type an `idx=`/`val=`/`fields=` holds (a type value)."""
    v = plain(v)
    if v is UNSET:
        return None
    t = getattr(v, "t", v)
    return t if isinstance(t, RecordType) else None


def tag(t) -> str:
    return str(t.kind)


def desc(t) -> str:
    return type_name(t)


def supported(t) -> bool:
    k = t.kind
    if k in LEAVES:
        return True
    if k == "table":
        return t.is_set and t.indices is not None and len(t.indices) == 1 \
            and t.indices[0].kind in LEAVES
    if k == "vector":
        return t.yield_ is not None and t.yield_.kind in LEAVES
    return False


def unroll(rep, rtype, allow_unsupported, out: list, paths: list, prefix="", path=()):
    """§2.3: leaf columns of `rtype`, depth-first, names joined with `.`.
    `paths` gets each column's field-index path; skipped fields get none."""
    for i, f in enumerate(rtype.fields):
        name = prefix + f.name
        t = f.type
        optional = f.attrs.has("&optional") or f.attrs.has("&default")
        if t.kind == "record":
            if optional:
                rep.write(f'The input framework does not support optional record fields: "{name}"')
                return False
            if not unroll(rep, t, allow_unsupported, out, paths, name + ".", path + (i,)):
                return False
            continue
        if not supported(t):
            if allow_unsupported and optional:
                rep.write(f'Encountered incompatible type "{tag(t)}" in type definition for '
                          f'field "{name}" in ReaderFrontend. Ignoring optional field.')
                continue
            rep.write(f'error: Incompatible type "{tag(t)}" in type definition for for field '
                      f'"{name}" in ReaderFrontend')
            return False
        sec = None
        tc = f.attrs.get("&type_column")
        if tc is not None and t.kind == "port":
            sec = _attr_string(tc)
        out.append(Field(name, t, optional, sec))
        paths.append(path + (i,))
    return True


def _attr_string(attr):
    e = attr.expr
    v = getattr(e, "value", None)
    if isinstance(v, bytes):
        return v.decode("latin-1")
    if isinstance(v, str):
        return v
    return None


def event_parts(v):
    """(FuncVal, FuncType) of an `ev=`/`error_ev=` value, or (None, None)."""
    if v is UNSET:
        return None, None
    t = v.type if isinstance(v, AnyVal) else getattr(v, "ftype", None)
    fv = plain(v)
    if not isinstance(fv, FuncVal):
        return None, None
    return fv, (t if t is not None and t.kind == "func" else fv.ftype)


def check_error_ev(err, name, v, desc_name, desc_type):
    fv, ft = event_parts(v)
    if fv is None:
        return None
    pre = f"Input stream {name}: "
    if ft.flavor != "event":
        err(pre + "Error event is a function, not an event")
    ps = ft.params
    if len(ps) != 3:
        err(pre + "Error event must take 3 arguments")
    if not same_type(ps[0].type, desc_type):
        err(pre + f"Error event's first attribute must be of type {desc_name}")
    if ps[1].type.kind != "string":
        err(pre + "Error event's second attribute must be of type string")
    if getattr(ps[2].type, "name", None) != "Reporter::Level":
        err(pre + "Error event's third attribute must be of type Reporter::Level")
    return fv


class Plan:
    """What a successful check hands the manager."""

    def __init__(self):
        self.idx = None          # record type of the index (tables)
        self.val = None          # record type of the value, or None (sets)
        self.fields = None       # record type of an event stream's fields
        self.table = None        # the destination TableVal
        self.ev = None
        self.pred = None
        self.error_ev = None
        self.columns: list = []  # reader Fields, index columns first
        self.paths: list = []
        self.num_idx = 0


def check_table(interp, desc, name, err) -> Plan:
    """§2.4 "Table streams", checks 2-6."""
    rep = interp.reporter
    p = Plan()
    pre = f"Input stream {name}: "
    dest_v = field(desc, "destination")
    dest = plain(dest_v)
    ttype = getattr(dest, "ttype", None)
    idx = as_type(field(desc, "idx"))
    val = as_type(field(desc, "val"))
    want_record = plain(field(desc, "want_record")) is not False
    if ttype is None or idx is None:
        err(pre + "Table type does not match index type")
    tl = ttype.indices or []
    for j, t in enumerate(tl):
        if j >= len(idx.fields):
            err(pre + "Table type has more indexes than index definition")
        it = idx.fields[j].type
        if not same_type(it, t):
            err(pre + f"Table type does not match index type. Need type "
                f"'{tag(it)}':{desc_(it)}, got '{tag(t)}':{desc_(t)}")
    if len(tl) < len(idx.fields):
        err(pre + "Table has less elements than index definition")
    if val is not None:
        expected = val if want_record else val.fields[0].type
        actual = ttype.yield_
        if actual is None or not same_type(expected, actual):
            err(pre + f"Table type does not match value type. Need type "
                f"'{desc_(expected)}', got '{desc_(actual) if actual else 'void'}'")
    elif not ttype.is_set:
        # Bro 2.6 dereferences a null type here and crashes (§2.4 check 3);
        # refusing the stream is the closest safe behaviour
        err(pre + "Table type does not match value type. A table destination needs $val")
    ev, eft = event_parts(field(desc, "ev"))
    if ev is not None:
        if eft.flavor != "event":
            err(pre + "Stream event is a function, not an event")
        ps = eft.params
        if len(ps) != 4:
            err(pre + "Table event must take 4 arguments")
        if not same_type(ps[0].type, desc.rtype):
            err(pre + "Table event's first attribute must be of type Input::TableDescription")
        if getattr(ps[1].type, "name", None) != "Input::Event":
            err(pre + "Table event's second attribute must be of type Input::Event")
        if not same_type(ps[2].type, idx):
            err(pre + f"Table event's index attributes do not match. Need '{desc_(idx)}', "
                f"got '{desc_(ps[2].type)}'")
        if val is not None:
            if want_record and not same_type(ps[3].type, val):
                err(pre + f"Table event's value attributes do not match. Need '{desc_(val)}', "
                    f"got '{desc_(ps[3].type)}'")
            if not want_record and not same_type(ps[3].type, val.fields[0].type):
                err(pre + f"Table event's value attribute does not match. Need "
                    f"'{desc_(val.fields[0].type)}', got '{desc_(ps[3].type)}'")
    p.error_ev = check_error_ev(err, name, field(desc, "error_ev"),
                                "Input::TableDescription", desc.rtype)
    accept = _global(interp, "Input::accept_unsupported_types") is True
    if not unroll(rep, idx, False, p.columns, p.paths):
        err(pre + "Problem unrolling")
    p.num_idx = len(p.columns)
    if val is not None:
        if not unroll(rep, val, accept, p.columns, p.paths):
            err(pre + "Problem unrolling")
        if not want_record and len(p.columns) - p.num_idx > 1:
            err(pre + "Stream does not want a record (want_record=F), but has more then "
                "one value field.")
    p.idx, p.val, p.table, p.ev = idx, val, dest, ev
    pred = plain(field(desc, "pred"))
    p.pred = pred if isinstance(pred, FuncVal) else None
    return p


def check_event(interp, desc, name, err) -> Plan:
    """§2.4 "Event streams", checks 2-7."""
    rep = interp.reporter
    p = Plan()
    pre = f"Input stream {name}: "
    fields = as_type(field(desc, "fields"))
    want_record = plain(field(desc, "want_record")) is not False
    ev, eft = event_parts(field(desc, "ev"))
    if ev is None or eft.flavor != "event":
        err(pre + "Stream event is a function, not an event")
    ps = eft.params
    if len(ps) < 2:
        err(pre + "Event does not take enough arguments")
    if getattr(ps[1].type, "name", None) != "Input::Event":
        err(pre + "Event's second attribute must be of type Input::Event")
    if not same_type(ps[0].type, desc.rtype):
        err(pre + "Event's first attribute must be of type Input::EventDescription")
    if fields is None:
        err(pre + "Event has wrong number of arguments")
    if not want_record:
        if len(ps) != 2 + len(fields.fields):
            err(pre + "Event has wrong number of arguments")
        for i, f in enumerate(fields.fields):
            at = ps[i + 2].type
            if not same_type(at, f.type):
                err(pre + f"Incompatible type for event in field {i + 3}. Need type "
                    f"'{tag(f.type)}':{desc_(f.type)}, got '{tag(at)}':{desc_(at)}")
    else:
        if len(ps) != 3:
            err(pre + "Event has wrong number of arguments")
        if not same_type(ps[2].type, fields):
            err(pre + f"Incompatible type '{tag(ps[2].type)}':{desc_(ps[2].type)} for event, "
                f"which needs type 'record':{desc_(fields)}\n")
    p.error_ev = check_error_ev(err, name, field(desc, "error_ev"),
                                "Input::EventDescription", desc.rtype)
    accept = _global(interp, "Input::accept_unsupported_types") is True
    if not unroll(rep, fields, accept and want_record, p.columns, p.paths):
        err(pre + "Problem unrolling")
    p.fields, p.ev = fields, ev
    return p


def desc_(t) -> str:
    return desc(t)


def _global(interp, name):
    g = interp.globals.get(name)
    return None if g is None else plain(g.value)
