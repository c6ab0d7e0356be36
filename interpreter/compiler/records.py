"""Fresh values that carry compiled attribute expressions: records with
their fields' `&default`s, empty aggregates for declared variables, and a
table's `&default` (values.md §5.5: a default is evaluated afresh for every
new record or missing key).

The checker only checks an attribute's expression; it is compiled here,
once per attribute, by the compiler of the interpreter that declared it.
"""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..errors import NoValue
from ..runtime import expiry
from ..runtime.ops import deep_copy
from ..runtime.values import UNSET, RecordVal, TableVal, VectorVal
from ..types import Kind as K

AGGREGATES = ("record", "table", "vector")


def _no_value(frame):
    # an attribute expression in error is never compiled; the run ends with
    # status 1 after parsing, but a &default of a redef'd field can still be
    # evaluated before that (found by fuzzing)
    raise NoValue


class Records:
    def __init__(self, comp):
        self.comp = comp
        self._attr_fns: dict[int, tuple] = {}    # id(Attr) -> (Attr, fn(frame))
        self._plans: dict[int, tuple] = {}       # id(RecordType) -> _plan(rt)

    def attr_fn(self, attr: T.Attr):
        """fn(frame) -> value of an attribute's expression, compiled once."""
        hit = self._attr_fns.get(id(attr))
        if hit is not None and hit[0] is attr:
            return hit[1]
        fn = _no_value if attr.in_error else self.comp.expr(attr.expr)
        self._attr_fns[id(attr)] = (attr, fn)
        return fn

    # ------------------------------------------------------------ new values
    def new_value(self, t: T.Type):
        """A fresh empty aggregate for a declared-but-uninitialised variable."""
        k = t.kind
        if k == K.RECORD:
            return self.new_record(t)
        if k == K.TABLE:
            return TableVal(t, None)
        if k == K.VECTOR:
            return VectorVal(t)
        return UNSET

    def new_record(self, rt: T.RecordType):
        # what each field starts as, worked out once per record type (and
        # again when a `redef record` has added fields): a cluster boot makes
        # hundreds of thousands of records (issue 12)
        plan = self._plans.get(id(rt))
        if plan is None or plan[0] is not rt or plan[1] != len(rt.fields):
            plan = self._plans[id(rt)] = self._plan(rt)
        vals = plan[2][:]
        for i, fn, t in plan[3]:
            if fn is not None:
                v = fn([None])
                vals[i] = deep_copy(v) if isinstance(v, (RecordVal, TableVal, VectorVal)) else v
            else:
                vals[i] = self.new_value(t)
        return RecordVal(rt, vals)

    def _plan(self, rt: T.RecordType):
        """(rt, its field count, the values of fields that start unset, and
        in field order (index, &default fn or None, type) for the others: a
        field's &default evaluated afresh, or an empty aggregate for a field
        neither &default nor &optional)."""
        fresh = []
        for i, f in enumerate(rt.fields):
            d = f.attrs.get("&default")
            if d is not None and d.expr is not None:
                fresh.append((i, self.attr_fn(d), None))
            elif not f.attrs.has("&optional") and f.type.kind in AGGREGATES:
                fresh.append((i, None, f.type))
        return (rt, len(rt.fields), [UNSET] * len(rt.fields), tuple(fresh))

    def convert(self, r, rt):
        """Record `r` as a record of type `rt` (values.md §5.5): its fields
        by name, nested records converted too, the rest from rt's defaults."""
        out = self.new_record(rt)
        for i, fld in enumerate(r.rtype.fields):
            j = rt.index.get(fld.name)
            if j is not None and r.vals[i] is not UNSET:
                v = r.vals[i]
                ft = rt.fields[j].type
                if ft.kind == K.RECORD and isinstance(v, RecordVal) and v.rtype is not ft:
                    v = self.convert(v, ft)
                out.vals[j] = v
        return out

    # ------------------------------------------------------------ table &default
    def table_default(self, attrs, t):
        """A table's &default as fn(index_list) -> value, or None."""
        if attrs is None:
            return None
        a = attrs.get("&default")
        if a is None or a.expr is None:
            return None
        x = self.attr_fn(a)
        rt = self.comp.rt
        if a.expr.type.kind == K.FUNC and (t.yield_ is None or t.yield_.kind != K.FUNC):
            def call_default(idx):
                fv = x([None])
                return rt.call(fv, idx, a.loc, a.expr)
            return call_default
        const = isinstance(a.expr, (N.Const, N.Coerce)) and not isinstance(
            a.expr.type, (T.RecordType, T.TableType, T.VectorType))

        def dflt(idx):
            v = x([None])
            return v if const else deep_copy(v)
        return dflt

    def default_setter(self, attrs, t):
        """fn(table value) giving it the &default of `attrs`, or None when
        there is none: the one place a table gets its default, whether it
        is a global's or a local's initial value, an empty aggregate, or a
        constructor's own `&default`."""
        if t.kind != K.TABLE:
            return None
        deflt = self.table_default(attrs, t)
        expire = self.table_expiry(attrs)
        if deflt is None and expire is None:
            return None

        def give(v):
            if isinstance(v, TableVal):
                if deflt is not None:
                    v.default = deflt
                v.attrs = attrs
                if expire is not None:
                    expire(v)
            return v
        return give

    def table_expiry(self, attrs):
        """fn(table value) starting its expiration (runtime/expiry.py), or
        None: the interval and the &expire_func are evaluated at each sweep,
        as Bro evaluates their expressions."""
        if not expiry.wants_expiry(attrs):
            return None
        timeout = func = None
        for name in ("&read_expire", "&write_expire", "&create_expire"):
            a = attrs.get(name)
            if a is not None and a.expr is not None and not a.in_error:
                x = self.attr_fn(a)
                timeout = (lambda x=x: x([None]))
            elif a is not None:
                timeout = None
        f = attrs.get("&expire_func")
        if f is not None and f.expr is not None and not f.in_error:
            fx = self.attr_fn(f)
            func = lambda: fx([None])       # noqa: E731
        rt = self.comp.rt
        return lambda v: expiry.attach(rt, v, attrs, timeout, func)

    def maker(self, t, attrs):
        """fn() -> a fresh empty value for an uninitialised aggregate local."""
        give = self.default_setter(attrs, t)
        if give is None:
            return lambda: self.new_value(t)
        return lambda: give(self.new_value(t))
