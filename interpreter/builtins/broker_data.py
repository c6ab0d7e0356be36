"""Broker data builtins of data.bif (bifs/probabilistic-broker.md §3):
`Broker::Data` records holding one piece of Broker data (cluster/data.py),
changed in place by the container builtins, and their snapshot iterators."""
from __future__ import annotations

from ..cluster.data import (DataBox, Unconvertible, copy_data, empty_data, find, set_insert,
                            table_put, to_data, wrap_data)
from ..errors import ExprError
from ..runtime.values import UNSET, OpaqueVal, RecordVal
from .registry import builtin


class BrokerRuntimeError(ExprError):
    """Bro's `runtime error in <loc>: <msg>`: abandons the body (§3 errors)."""
    runtime = True


_HAVE = {"none": "NONE", "boolean": "bool", "count": "uint64_t", "integer": "int64_t",
         "real": "double", "string": "string", "address": "address", "subnet": "subnet",
         "port": "port", "timestamp": "time", "timespan": "interval", "enum value": "enum",
         "set": "set", "table": "table", "vector": "vector"}


def _box(ctx, d):
    box = d.vals[0] if isinstance(d, RecordVal) and d.vals else UNSET
    if not isinstance(box, OpaqueVal):
        raise BrokerRuntimeError("Broker::Data's opaque field is not set", ctx.loc, "")
    return box.state


def _payload(ctx, d, want):
    """The container inside `d`, or Bro's wrong-kind runtime error."""
    box = _box(ctx, d)
    data = box.data
    kind = data[0] if data is not None else "none"
    ok = {"table": ("set", "table"), "vector": ("vector",), "record": ("vector",)}[want]
    if kind not in ok:
        have = _HAVE[kind]
        if kind == "vector" and want == "table":
            have = "record"
        raise BrokerRuntimeError(f"data is of type '{have}' not of type '{want}'", ctx.loc, "")
    return box, kind


def _want(ctx, d, kind, want="table"):
    box, k = _payload(ctx, d, want)
    if k != kind:
        # a set given to a table function and the reverse: Bro's variant
        # check names the declared alternative (§3 "Wrong kind")
        raise BrokerRuntimeError(f"data is of type '{k}' not of type '{want}'", ctx.loc, "")
    return box.data[1]


def _conv(ctx, x, what):
    try:
        return to_data(x.type, x.value)
    except Unconvertible as e:
        if e.msg:
            ctx.rt.reporter.error(e.msg, None)
        ctx.builtin_error(f"invalid Broker data conversion for {what} argument")
        return Unconvertible


def _wrap(ctx, d):
    return wrap_data(ctx.interp, copy_data(d))


def _empty(ctx):
    return empty_data(ctx.interp)


@builtin("function Broker::__data(d: any): Broker::Data")
def data(ctx, d):
    try:
        return wrap_data(ctx.interp, to_data(d.type, d.value))
    except Unconvertible as e:
        if e.msg:
            ctx.rt.reporter.error(e.msg, None)
        return _empty(ctx)


_TYPE_ENUM = {"none": "NONE", "boolean": "BOOL", "integer": "INT", "count": "COUNT",
              "real": "DOUBLE", "string": "STRING", "address": "ADDR", "subnet": "SUBNET",
              "port": "PORT", "timestamp": "TIME", "timespan": "INTERVAL", "enum value": "ENUM",
              "set": "SET", "table": "TABLE", "vector": "VECTOR"}


@builtin("function Broker::__data_type(d: Broker::Data): Broker::DataType", lazy=True)
def data_type(ctx, d):
    box = _box(ctx, d)
    kind = box.data[0] if box.data is not None else "none"
    return ctx.interp.globals["Broker::" + _TYPE_ENUM[kind]].value


# ---------------------------------------------------------------- sets
@builtin("function Broker::__set_create(): Broker::Data")
def set_create(ctx):
    return wrap_data(ctx.interp, ("set", []))


@builtin("function Broker::__set_clear(s: Broker::Data): bool")
def set_clear(ctx, s):
    _want(ctx, s, "set").clear()
    return True


@builtin("function Broker::__set_size(s: Broker::Data): count")
def set_size(ctx, s):
    return len(_want(ctx, s, "set"))


@builtin("function Broker::__set_contains(s: Broker::Data, key: any): bool")
def set_contains(ctx, s, key):
    elems = _want(ctx, s, "set")
    k = _conv(ctx, key, "key")
    return k is not Unconvertible and find(elems, k) >= 0


@builtin("function Broker::__set_insert(s: Broker::Data, key: any): bool")
def set_insert_(ctx, s, key):
    elems = _want(ctx, s, "set")
    k = _conv(ctx, key, "key")
    return k is not Unconvertible and set_insert(elems, k)


@builtin("function Broker::__set_remove(s: Broker::Data, key: any): bool")
def set_remove(ctx, s, key):
    elems = _want(ctx, s, "set")
    k = _conv(ctx, key, "key")
    if k is Unconvertible:
        return False
    i = find(elems, k)
    if i < 0:
        return False
    del elems[i]
    return True


# ---------------------------------------------------------------- tables
@builtin("function Broker::__table_create(): Broker::Data")
def table_create(ctx):
    return wrap_data(ctx.interp, ("table", []))


@builtin("function Broker::__table_clear(t: Broker::Data): bool")
def table_clear(ctx, t):
    _want(ctx, t, "table").clear()
    return True


@builtin("function Broker::__table_size(t: Broker::Data): count")
def table_size(ctx, t):
    return len(_want(ctx, t, "table"))


@builtin("function Broker::__table_contains(t: Broker::Data, key: any): bool")
def table_contains(ctx, t, key):
    items = _want(ctx, t, "table")
    k = _conv(ctx, key, "key")
    return k is not Unconvertible and find(items, k, key=lambda e: e[0]) >= 0


@builtin("function Broker::__table_insert(t: Broker::Data, key: any, val: any): Broker::Data")
def table_insert(ctx, t, key, val):
    items = _want(ctx, t, "table")
    k = _conv(ctx, key, "key")
    if k is Unconvertible:
        return _empty(ctx)
    v = _conv(ctx, val, "value")
    if v is Unconvertible:
        return _empty(ctx)
    old = table_put(items, k, v)
    return _empty(ctx) if old is False else _wrap(ctx, old)


@builtin("function Broker::__table_remove(t: Broker::Data, key: any): Broker::Data")
def table_remove(ctx, t, key):
    items = _want(ctx, t, "table")
    k = _conv(ctx, key, "key")
    if k is Unconvertible:
        return _empty(ctx)
    i = find(items, k, key=lambda e: e[0])
    if i < 0:
        return _empty(ctx)
    _, v = items.pop(i)
    return _wrap(ctx, v)


@builtin("function Broker::__table_lookup(t: Broker::Data, key: any): Broker::Data")
def table_lookup(ctx, t, key):
    items = _want(ctx, t, "table")
    k = _conv(ctx, key, "key")
    if k is Unconvertible:
        return _empty(ctx)
    i = find(items, k, key=lambda e: e[0])
    return _empty(ctx) if i < 0 else _wrap(ctx, items[i][1])


# ---------------------------------------------------------------- vectors
@builtin("function Broker::__vector_create(): Broker::Data")
def vector_create(ctx):
    return wrap_data(ctx.interp, ("vector", []))


def _vec(ctx, v, want="vector"):
    box, _ = _payload(ctx, v, want)
    return box.data[1]


@builtin("function Broker::__vector_clear(v: Broker::Data): bool")
def vector_clear(ctx, v):
    _vec(ctx, v).clear()
    return True


@builtin("function Broker::__vector_size(v: Broker::Data): count")
def vector_size(ctx, v):
    return len(_vec(ctx, v))


@builtin("function Broker::__vector_insert(v: Broker::Data, idx: count, d: any): bool")
def vector_insert(ctx, v, idx, d):
    items = _vec(ctx, v)
    x = _conv(ctx, d, "item")
    if x is Unconvertible:
        return False
    items.insert(min(idx, len(items)), x)
    return True


@builtin("function Broker::__vector_replace(v: Broker::Data, idx: count, d: any): Broker::Data")
def vector_replace(ctx, v, idx, d):
    items = _vec(ctx, v)
    x = _conv(ctx, d, "item")
    if x is Unconvertible:
        # data.bif returns the bool F here, whatever the declared type (§3)
        return False
    if idx >= len(items):
        return _empty(ctx)
    old = items[idx]
    items[idx] = x
    return _wrap(ctx, old)


@builtin("function Broker::__vector_remove(v: Broker::Data, idx: count): Broker::Data")
def vector_remove(ctx, v, idx):
    items = _vec(ctx, v)
    if idx >= len(items):
        return _empty(ctx)
    return _wrap(ctx, items.pop(idx))


@builtin("function Broker::__vector_lookup(v: Broker::Data, idx: count): Broker::Data")
def vector_lookup(ctx, v, idx):
    items = _vec(ctx, v)
    if idx >= len(items):
        return _empty(ctx)
    return _wrap(ctx, items[idx])


# ---------------------------------------------------------------- records
@builtin("function Broker::__record_create(sz: count): Broker::Data")
def record_create(ctx, sz):
    if sz > (1 << 24):
        ctx.builtin_error("record too large")
        return _empty(ctx)
    return wrap_data(ctx.interp, ("vector", [None] * sz))


@builtin("function Broker::__record_size(r: Broker::Data): count")
def record_size(ctx, r):
    return len(_vec(ctx, r, "record"))


@builtin("function Broker::__record_assign(r: Broker::Data, idx: count, d: any): bool")
def record_assign(ctx, r, idx, d):
    items = _vec(ctx, r, "record")
    if idx >= len(items):
        return False
    x = _conv(ctx, d, "item")
    if x is Unconvertible:
        return False
    items[idx] = x
    return True


@builtin("function Broker::__record_lookup(r: Broker::Data, idx: count): Broker::Data")
def record_lookup(ctx, r, idx):
    items = _vec(ctx, r, "record")
    if idx >= len(items) or items[idx] is None:
        return _empty(ctx)
    return _wrap(ctx, items[idx])


# ---------------------------------------------------------------- iterators
class _Iter:
    """An iterator over a snapshot copy (Data.h), prints no description."""
    __slots__ = ("items", "pos")

    def __init__(self, items):
        self.items, self.pos = items, 0

    def copy_opaque(self, ov):
        it = _Iter(self.items)
        it.pos = self.pos
        return OpaqueVal(ov.oname, it)


def _iterator(name, items, pairs=False):
    if pairs:
        return OpaqueVal(name, _Iter([(copy_data(k), copy_data(v)) for k, v in items]))
    return OpaqueVal(name, _Iter([copy_data(x) for x in items]))


def _last(it):
    s = it.state
    return s.pos >= len(s.items)


def _next(it):
    s = it.state
    if s.pos >= len(s.items):
        return False
    s.pos += 1
    return s.pos < len(s.items)


def _current(ctx, it, what):
    s = it.state
    if s.pos >= len(s.items):
        ctx.builtin_error(f"attempt to retrieve value of invalid {what} iterator")
        return Unconvertible
    return s.items[s.pos]


@builtin("function Broker::__set_iterator(s: Broker::Data): opaque of Broker::SetIterator")
def set_iterator(ctx, s):
    return _iterator("Broker::SetIterator", _want(ctx, s, "set"))


@builtin("function Broker::__set_iterator_last(it: opaque of Broker::SetIterator): bool")
def set_iterator_last(ctx, it):
    return _last(it)


@builtin("function Broker::__set_iterator_next(it: opaque of Broker::SetIterator): bool")
def set_iterator_next(ctx, it):
    return _next(it)


@builtin("function Broker::__set_iterator_value(it: opaque of Broker::SetIterator): Broker::Data")
def set_iterator_value(ctx, it):
    x = _current(ctx, it, "set")
    return _empty(ctx) if x is Unconvertible else _wrap(ctx, x)


@builtin("function Broker::__table_iterator(t: Broker::Data): opaque of Broker::TableIterator")
def table_iterator(ctx, t):
    return _iterator("Broker::TableIterator", _want(ctx, t, "table"), pairs=True)


@builtin("function Broker::__table_iterator_last(it: opaque of Broker::TableIterator): bool")
def table_iterator_last(ctx, it):
    return _last(it)


@builtin("function Broker::__table_iterator_next(it: opaque of Broker::TableIterator): bool")
def table_iterator_next(ctx, it):
    return _next(it)


@builtin("function Broker::__table_iterator_value(it: opaque of Broker::TableIterator): Broker::TableItem")
def table_iterator_value(ctx, it):
    x = _current(ctx, it, "table")
    rt = ctx.interp.globals["Broker::TableItem"].type
    if x is Unconvertible:
        return RecordVal(rt, [_empty(ctx), _empty(ctx)])
    return RecordVal(rt, [_wrap(ctx, x[0]), _wrap(ctx, x[1])])


@builtin("function Broker::__vector_iterator(v: Broker::Data): opaque of Broker::VectorIterator")
def vector_iterator(ctx, v):
    return _iterator("Broker::VectorIterator", _vec(ctx, v))


@builtin("function Broker::__vector_iterator_last(it: opaque of Broker::VectorIterator): bool")
def vector_iterator_last(ctx, it):
    return _last(it)


@builtin("function Broker::__vector_iterator_next(it: opaque of Broker::VectorIterator): bool")
def vector_iterator_next(ctx, it):
    return _next(it)


@builtin("function Broker::__vector_iterator_value(it: opaque of Broker::VectorIterator): Broker::Data")
def vector_iterator_value(ctx, it):
    x = _current(ctx, it, "vector")
    return _empty(ctx) if x is Unconvertible else _wrap(ctx, x)


@builtin("function Broker::__record_iterator(r: Broker::Data): opaque of Broker::RecordIterator")
def record_iterator(ctx, r):
    return _iterator("Broker::RecordIterator", _vec(ctx, r, "record"))


@builtin("function Broker::__record_iterator_last(it: opaque of Broker::RecordIterator): bool")
def record_iterator_last(ctx, it):
    return _last(it)


@builtin("function Broker::__record_iterator_next(it: opaque of Broker::RecordIterator): bool")
def record_iterator_next(ctx, it):
    return _next(it)


@builtin("function Broker::__record_iterator_value(it: opaque of Broker::RecordIterator): Broker::Data")
def record_iterator_value(ctx, it):
    x = _current(ctx, it, "record")
    if x is Unconvertible or x is None:
        return _empty(ctx)
    return _wrap(ctx, x)


__all__ = ["BrokerRuntimeError", "DataBox"]
