"""Container builtins: sort, order, clear_table, resize (values.md §5, §6.5)."""
from __future__ import annotations

from ..errors import NoValue
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


def _sorted_positions(ctx, vec: VectorVal, cmp):
    items = list(vec.items)
    present = [x for x in items if x is not UNSET]
    holes = len(items) - len(present)
    if cmp is not None:
        fv = cmp.value if isinstance(cmp, AnyVal) else cmp
        ft = getattr(fv, "ftype", None)
        yt = vec.vtype.yield_
        if ft is None or len(ft.params) != 2 or ft.ret is None or ft.ret.kind != "int":
            ctx.builtin_error("invalid comparison function in call to sort()")
            return None

        def less(a, b):
            return ctx.call(fv, [a, b]) < 0
    else:
        kind = vec.vtype.yield_.kind if vec.vtype.yield_ else "any"
        if kind not in INTEGRAL:
            ctx.builtin_error("comparison function required for sort() with non-integral types")

        def less(a, b):
            return _int_key(a) < _int_key(b)
    if len(present) <= 16:
        _insertion_sort(present, less)
    else:
        import functools
        present.sort(key=functools.cmp_to_key(lambda a, b: -1 if less(a, b) else (1 if less(b, a) else 0)))
    return present + [UNSET] * holes


@builtin("function sort(v: any, ...): any")
def sort(ctx, v, rest):
    vec = v.value
    cmp = rest[0] if rest else None
    out = _sorted_positions(ctx, vec, cmp)
    if out is not None:
        vec.items[:] = out
    return vec


@builtin("function clear_table(v: any): any")
def clear_table(ctx, v):
    v.value.data.clear()
    return None


@builtin("function resize(aggr: any, newsize: count): count")
def resize(ctx, aggr, newsize):
    vec = aggr.value
    old = len(vec.items)
    if newsize < old:
        del vec.items[newsize:]
    else:
        vec.items.extend([UNSET] * (newsize - old))
    return old


@builtin("function order(v: any, ...): vector of count")
def order(ctx, v, rest):
    from ..types import VectorType, COUNT
    vec = v.value
    pairs = VectorVal(vec.vtype, [x for x in vec.items])
    idx = list(range(len(vec.items)))
    keyed = {id(x): i for i, x in enumerate(vec.items)}
    out = _sorted_positions(ctx, pairs, rest[0] if rest else None)
    result = []
    used = set()
    for x in (out or []):
        for i, y in enumerate(vec.items):
            if i not in used and y is x:
                used.add(i)
                result.append(i)
                break
    return VectorVal(VectorType(COUNT), result)


@builtin("function all_set(v: any): bool")
def all_set(ctx, v):
    return all(x is True for x in v.value.items)


@builtin("function any_set(v: any): bool")
def any_set(ctx, v):
    return any(x is True for x in v.value.items)
