"""Container builtins: sort, order, clear_table, resize (values.md §5, §6.5)."""
from __future__ import annotations

from .. import types as T
from ..runtime.ops import grow
from ..runtime.values import UNSET, AnyVal, VectorVal
from .registry import builtin

INTEGRAL = ("count", "int", "bool", "enum", "port")


def _int_key(v):
    if hasattr(v, "num"):        # enum
        return v.num
    if isinstance(v, float):
        return int(v)
    if isinstance(v, (bool, int)):
        return int(v)
    return 0


def _insertion_sort(items, less):
    """std::sort on <= 16 elements is an insertion sort: stable (values.md §6.5)."""
    for i in range(1, len(items)):
        x = items[i]
        j = i - 1
        while j >= 0 and less(x, items[j]):
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = x


def _dynamic(v):
    """The dynamic type and value of an `any` argument."""
    t, x = v.type, v.value
    while isinstance(x, AnyVal):
        t, x = x.type, x.value
    return t, x


def _sorted_positions(ctx, vec: VectorVal, cmp, name):
    """The sorted items, or None after a builtin error that stops the sort
    (Bro's sort/order BIFs, values.md §6.5)."""
    items = list(vec.items)
    present = [x for x in items if x is not UNSET]
    holes = len(items) - len(present)
    yt = vec.vtype.yield_
    if cmp is not None:
        ct, fv = _dynamic(cmp)
        if ct.kind != "func":
            ctx.builtin_error(f"second argument to {name}() needs to be comparison function")
            return None
        ft = fv.ftype
        # Bro: the comparator yields int and every parameter takes the element type
        if (ft.ret is None or ft.ret.kind != "int" or len(ft.params) != 2
                or yt is None or not all(T.same_type(p.type, yt) for p in ft.params)):
            ctx.builtin_error(f"invalid comparison function in call to {name}()")
            return None

        def less(a, b):
            r = ctx.call(fv, [a, b])
            return isinstance(r, int) and r < 0
    else:
        kind = yt.kind if yt else "any"
        if kind not in INTEGRAL:
            ctx.builtin_error(f"comparison function required for {name}() with non-integral types")

        def less(a, b):
            return _int_key(a) < _int_key(b)
    if len(present) <= 16:
        _insertion_sort(present, less)
    else:
        import functools
        present.sort(key=functools.cmp_to_key(lambda a, b: -1 if less(a, b) else (1 if less(b, a) else 0)))
    return present + [UNSET] * holes


def _same_result(ctx, v, x):
    """sort() returns its argument: as the checker typed the call, the bare
    vector (call_result_type) or, for an `any` argument, the `any` value."""
    rt = getattr(ctx.desc, "type", None)
    return v if rt is None or rt.kind == "any" else x


@builtin("function sort(v: any, ...): any")
def sort(ctx, v, rest):
    t, vec = _dynamic(v)
    if t.kind != "vector":
        # Bro's BIFs check their `any` arguments at run time (bro.bif)
        ctx.builtin_error("sort() requires vector")
        return _same_result(ctx, v, vec)
    if len(rest) > 1:
        ctx.builtin_error("sort() called with extraneous argument")
    out = _sorted_positions(ctx, vec, rest[0] if rest else None, "sort")
    if out is not None:
        vec.items[:] = out
    return _same_result(ctx, v, vec)


@builtin("function clear_table(v: any): any")
def clear_table(ctx, v):
    t, tab = _dynamic(v)
    if t.kind != "table":
        ctx.builtin_error("clear_table() requires a table/set argument")
        return None
    tab.data.clear()
    return None


@builtin("function resize(aggr: any, newsize: count): count")
def resize(ctx, aggr, newsize):
    t, vec = _dynamic(aggr)
    if t.kind != "vector":
        ctx.builtin_error("resize() operates on vectors")
        return 0
    old = len(vec.items)
    if newsize < old:
        del vec.items[newsize:]
    else:
        grow(ctx.rt, vec.items, newsize - old, ctx.loc)
    return old


@builtin("function order(v: any, ...): index_vec")
def order(ctx, v, rest):
    t, vec = _dynamic(v)
    result = []
    if t.kind != "vector":
        ctx.builtin_error("order() requires vector")
        return VectorVal(T.VectorType(T.COUNT), result)
    if len(rest) > 1:
        ctx.builtin_error("order() called with extraneous argument")
    out = _sorted_positions(ctx, VectorVal(vec.vtype, list(vec.items)), rest[0] if rest else None, "order")
    used = set()
    for x in (out or []):
        for i, y in enumerate(vec.items):
            if i not in used and y is x:
                used.add(i)
                result.append(i)
                break
    return VectorVal(T.VectorType(T.COUNT), result)


def _bool_vector(ctx, v, name):
    t, vec = _dynamic(v)
    if t.kind != "vector" or t.yield_ is None or t.yield_.kind != "bool":
        ctx.builtin_error(f"{name}() requires vector of bool")
        return None
    return vec


@builtin("function all_set(v: any): bool")
def all_set(ctx, v):
    vec = _bool_vector(ctx, v, "all_set")
    return vec is not None and all(x is True for x in vec.items)


@builtin("function any_set(v: any): bool")
def any_set(ctx, v):
    vec = _bool_vector(ctx, v, "any_set")
    return vec is not None and any(x is True for x in vec.items)
