"""Closures for the compound statements `switch`, `for`, `add` and `delete`
(language.md §4-§5): fn(frame) -> control signal or None."""
from __future__ import annotations

from .. import nodes as N
from ..errors import NoValue
from ..runtime.ops import key_of, loop_keys, scalar_key, index_copy
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
        if single:
            seq = loop_keys(tv, st)
        else:
            seq = [ent[0] for ent in list(tv.data.values())]
        return run(f, seq)
    return for_tab


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
