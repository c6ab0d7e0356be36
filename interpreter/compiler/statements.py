"""Closures for the compound statements `switch`, `for`, `add` and `delete`
(language.md §4-§5): fn(frame) -> control signal or None."""
from __future__ import annotations

from .. import nodes as N
from ..errors import NoValue
from ..runtime.ops import key_of, scalar_key, index_copy
from ..runtime.runtime import BREAK, NEXT, FALL, RETURN
from ..runtime.values import UNSET, AnyVal
from ..types import same_type
from ..types import Kind as K


def switch_fn(comp, s):
    cases = s.cases
    bodies = [comp.body(c.body) if c.body else (lambda f: None) for c in cases]
    x = comp.expr(s.expr)
    default = next((i for i, c in enumerate(cases) if c.default), None)
    if any(c.types for c in cases):
        tcases = []
        for i, c in enumerate(cases):
            for t, var in (c.types or []):
                tcases.append((t, var.slot if var else None, i))
        st = s.expr.type

        def tswitch(f):
            try:
                v = x(f)
            except NoValue:
                return None
            dyn = v.type if isinstance(v, AnyVal) else st
            raw = v.value if isinstance(v, AnyVal) else v
            start = default
            for t, slot, i in tcases:
                if same_type(dyn, t):
                    if slot is not None:
                        f[slot] = raw
                    start = i
                    break
            return _run_cases(bodies, start, f)
        return tswitch
    table = {}
    for i, c in enumerate(cases):
        for v in (c.values or []):
            val = comp.expr(v)([None])
            table.setdefault(scalar_key(val), i)

    def vswitch(f):
        try:
            v = x(f)
        except NoValue:
            return None
        start = table.get(scalar_key(v), default)
        return _run_cases(bodies, start, f)
    return vswitch


def _run_cases(bodies, start, f):
    if start is None:
        return None
    for body in bodies[start:]:
        sig = body(f)
        if sig == FALL or sig == NEXT:
            continue
        if sig == BREAK or sig is None:
            return None
        return sig
    return None


def for_fn(comp, s):
    x = comp.expr(s.expr)
    body = comp.stmt(s.body) or (lambda f: None)
    slots = [v.slot for v in s.slots]
    k = s.expr.type.kind

    budget = comp.rt.budget
    loc = s.loc

    if len(slots) == 1:
        slot = slots[0]

        def run(f, seq):
            for item in seq:
                budget.left -= 1
                if budget.left < 0:
                    budget.exceeded(loc)
                f[slot] = item
                sig = body(f)
                if sig:
                    if sig == BREAK:
                        return None
                    if sig == RETURN:
                        return sig
            return None
    else:
        def run(f, seq):
            for item in seq:
                budget.left -= 1
                if budget.left < 0:
                    budget.exceeded(loc)
                for slot, val in zip(slots, item):
                    f[slot] = val
                sig = body(f)
                if sig:
                    if sig == BREAK:
                        return None
                    if sig == RETURN:
                        return sig
            return None

    if k == K.VECTOR:
        def for_vec(f):
            try:
                v = x(f)
            except NoValue:
                return None
            return run(f, [i for i, it in enumerate(v.items) if it is not UNSET])
        return for_vec
    if k == K.STRING:
        def for_str(f):
            try:
                v = x(f)
            except NoValue:
                return None
            return run(f, [v[i:i + 1] for i in range(len(v))])
        return for_str
    single = len(slots) == 1
    st = s.expr.type

    def for_tab(f):
        try:
            tv = x(f)
        except NoValue:
            return None
        return run(f, table_keys(tv, st, single))
    return for_tab


def table_keys(tv, st, single=True):
    """The index values a `for` over table `tv` (of static type `st`)
    visits, in the table's order; the snapshot is taken before the body runs."""
    seq = [ent[0][0] if single else ent[0] for ent in list(tv.data.values())]
    tt = tv.ttype
    if tt is not st and tt.indices is not None and st.indices is not None:
        seq = _boxed_keys(seq, tt, st, single)
    return seq


def _boxed_keys(seq, tt, st, single):
    """A table seen through an `any` as another table type (base/utils/
    json.bro's `local sa: set[bool] = v`): Bro's loop variables hold the
    index values with their own types, so ours carry them in a box, which
    a later coercion to `any` keeps (compiler/expressions.py coerce_fn)."""
    boxes = [None if same_type(a, b) else a for a, b in zip(tt.indices, st.indices)]
    if not any(boxes):
        return seq
    if single:
        return [AnyVal(boxes[0], k) for k in seq]
    return [[AnyVal(b, v) if b is not None else v for b, v in zip(boxes, k)] for k in seq]


def add_fn(comp, s):
    e = s.expr
    obj = comp.expr(e.obj)
    idx = [comp.expr(i) for i in e.index]

    def add(f):
        tv = obj(f)
        iv = [i(f) for i in idx]
        k = key_of(iv)
        if k not in tv.data:
            tv.data[k] = [index_copy(iv), None]
    return add


def delete_fn(comp, s):
    e = s.expr
    if isinstance(e, N.FieldExpr):
        obj = comp.expr(e.obj)
        i = e.field_index

        def delf(f):
            obj(f).vals[i] = UNSET
        return delf
    obj = comp.expr(e.obj)
    idx = [comp.expr(i) for i in e.index]

    def delete(f):
        tv = obj(f)
        tv.data.pop(key_of([i(f) for i in idx]), None)
    return delete
