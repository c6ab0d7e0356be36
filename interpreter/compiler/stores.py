"""Closures that store: assignment targets (names, fields, vector and table
elements), `=`/`+=`/`-=`, `++`/`--` (language.md §4, values.md §5.3)."""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..render import expr_text
from ..runtime.dictorder import BroDict
from ..runtime.ops import M64, key_of, index_copy, truncate, grow
from ..runtime.values import UNSET, AnyVal, to_count, to_int
from ..scope import LocalVar
from .expressions import binary_fn
from ..types import Kind as K
from ..nodes import Op


def store_fn(comp, target):
    """Compile an lvalue into fn(frame, value)."""
    if isinstance(target, N.Name):
        b = target.binding
        if isinstance(b, LocalVar):
            slot = b.slot

            def st_local(f, v):
                f[slot] = v
            return st_local

        def st_global(f, v):
            b.value = v
        return st_global
    if isinstance(target, N.FieldExpr):
        obj = comp.expr(target.obj)
        i = target.field_index

        def st_field(f, v):
            obj(f).vals[i] = v
        return st_field
    if isinstance(target, N.Index):
        obj = comp.expr(target.obj)
        t = target.obj.type
        idx = [comp.expr(i) for i in target.index]
        if t.kind == K.VECTOR:
            i0 = idx[0]
            rt = comp.rt
            unbox = _any_unboxer(t)

            def st_vec(f, v):
                vec = obj(f)
                i = i0(f) & M64     # an int index is taken as unsigned (values.md §5.3)
                if unbox is not None:
                    v = unbox(vec, v)
                items = vec.items
                n = len(items)
                if i < n:
                    items[i] = v
                else:
                    if i > n:
                        grow(rt, items, i - n, target.loc)
                    items.append(v)
            return st_vec

        def st_table(f, v):
            tv = obj(f)
            iv = [i(f) for i in idx]
            k = key_of(iv)
            data = tv.data
            ent = data.get(k)
            if ent is None:
                data[k] = [index_copy(iv), v]
            else:
                ent[1] = v
                if data.__class__ is not BroDict:
                    data.rewritten(k)       # expiring or watched (runtime/expiry.py, triggers.py)
        return st_table
    raise AssertionError(type(target))


def _any_unboxer(vt):
    """For a store through a static `vector of any`: fn(vector, value).

    Such a name may stand for a vector of count handed to a `vector of any`
    parameter (values.md §5.3); its elements must stay bare counts, so the
    AnyVal the checker wrapped the value in comes off again unless the
    vector itself holds `any`.  Only the run time knows which vector it is."""
    if vt.yield_ is None or vt.yield_.kind != K.ANY:
        return None

    def unbox(vec, v):
        if isinstance(v, AnyVal) and vec.vtype.yield_ is not None and vec.vtype.yield_.kind != K.ANY:
            return v.value
        return v
    return unbox


def incdec_fn(comp, e, delta):
    target = e.operand
    t = target.type
    conv = to_count if t.kind == K.COUNT else to_int
    get = comp.expr(target)
    put = store_fn(comp, target)
    rt = comp.rt
    if t.kind == K.VECTOR:
        conv = to_count if t.yield_.kind == K.COUNT else to_int

        def vec(f):
            v = get(f)
            v.items = [conv(i + delta) if i is not UNSET else UNSET for i in v.items]
            return v
        return vec

    def inc(f):
        v = get(f)
        n = v + delta
        if t.kind == K.COUNT and n < 0:
            rt.error("count underflow", e.loc, expr_text(e))
        n = conv(n)
        put(f, n)
        return n
    return inc


def assign_fn(comp, e):
    if isinstance(e.target, N.ListExpr):
        # `[k] = v` outside a constructor makes no sense; the ctor handles it
        return comp.expr(e.value)
    val = comp.expr(e.value)
    put = store_fn(comp, e.target)
    tt = e.target.type
    if e.op == Op.ASSIGN:
        def assign(f):
            v = val(f)
            put(f, v)
            return v
        return assign
    get = comp.expr(e.target)
    if tt.kind == K.VECTOR and e.op == Op.ADD_TO:
        unbox = _any_unboxer(tt)

        def append(f):
            vec = get(f)
            v = val(f)
            vec.items.append(v if unbox is None else unbox(vec, v))
            return vec
        return append
    op = N.Binary(e.loc, Op(e.op[0]), e.target, e.value, type=tt)
    if tt.is_arith() and e.value.type.is_arith() and e.value.type.kind != tt.kind:
        op.type = T.max_arith(tt, e.value.type)
    combine = binary_fn(comp, op)
    if op.type is not tt:
        conv = to_count if tt.kind == K.COUNT else (to_int if tt.kind == K.INT else float)
        inner = combine
        combine = lambda f: conv(truncate(inner(f)) if tt.kind != K.DOUBLE else inner(f))

    def aug(f):
        v = combine(f)
        put(f, v)
        return v
    return aug
