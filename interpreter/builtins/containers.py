"""Container builtins: sort, order, clear_table, resize (values.md §5, §6.5)."""
from __future__ import annotations

from .. import types as T
from ..runtime.ops import grow
from ..errors import NoValue
from ..runtime.values import UNSET, VectorVal
from .bifutil import dynamic
from .registry import builtin
from .strings import strcmp as _strcmp

# sort() without a comparison function: these element types need none
# (bro.bif sort); count and port compare unsigned, the rest as int64
_INTEGRAL = ("count", "int", "counter")
_UNSIGNED = ("count", "counter", "port")
_TO_INT = ("int", "bool", "enum", "double", "time", "interval")


def _int_of(ctx, t, v):
    """Val::CoerceToInt (or ToUnsigned): enum numbers, truncated doubles;
    other types are 0 with Bro's internal warning (bifs/core-1.md §6 sort)."""
    k = t.kind
    if k in _UNSIGNED:
        return v
    if k == "enum":
        return v.num
    if k in ("double", "time", "interval"):
        if v != v:
            return 0
        return max(-(1 << 63), min((1 << 63) - 1, int(v)))
    if k in ("int", "bool"):
        return int(v)
    from ..runtime.describe import describe
    ctx.rt.reporter.write("internal warning in <no location>: bad request for CoerceToInt ("
                          + describe(t, v, "short").decode("latin-1") + ")")
    return 0


def _less_fn(ctx, vec, cmp, name):
    """The order relation of sort/order, or None after an error that stops
    the sort. Holes go last (bifs/core-1.md §6 sort)."""
    yt = vec.vtype.yield_
    if cmp is not None:
        ct, fv = dynamic(cmp)
        if ct.kind != "func":
            ctx.builtin_error(f"second argument to {name}() needs to be comparison function")
            return None
        ft = fv.ftype
        # the return type must be int and each parameter the element type;
        # the number of parameters is not checked (bro.bif)
        if (ft.ret is None or ft.ret.kind != "int" or yt is None
                or not all(T.same_type(p.type, yt) for p in ft.params)):
            ctx.builtin_error(f"invalid comparison function in call to {name}()")
            return None

        def less(a, b):
            if a is UNSET or b is UNSET:
                return b is UNSET and a is not UNSET
            r = ctx.call(fv, [a, b])
            return r < 0
        return less
    if yt is None or yt.kind not in _INTEGRAL:
        ctx.builtin_error(f"comparison function required for {name}() with non-integral types")
    vt = yt if yt is not None else T.ANY

    def less(a, b):
        if a is UNSET or b is UNSET:
            return b is UNSET and a is not UNSET
        return _int_of(ctx, vt, a) < _int_of(ctx, vt, b)
    return less


# ---------------------------------------------------------------- std::sort
# libstdc++'s introsort, ported so that ties end up where Bro puts them
# (bifs/core-1.md §6 sort gives this model).
_THRESHOLD = 16


def std_sort(a: list, less) -> None:
    n = len(a)
    if n == 0:
        return
    _loop(a, 0, n, 2 * (n.bit_length() - 1), less)
    _final_insertion(a, 0, n, less)


def _loop(a, first, last, depth, less):
    while last - first > _THRESHOLD:
        if depth == 0:
            _heapsort(a, first, last, less)
            return
        depth -= 1
        mid = first + (last - first) // 2
        _median_to_first(a, first, first + 1, mid, last - 1, less)
        cut = _partition(a, first + 1, last, first, less)
        _loop(a, cut, last, depth, less)
        last = cut


def _median_to_first(a, r, x, y, z, less):
    if less(a[x], a[y]):
        if less(a[y], a[z]):
            m = y
        elif less(a[x], a[z]):
            m = z
        else:
            m = x
    elif less(a[x], a[z]):
        m = x
    elif less(a[y], a[z]):
        m = z
    else:
        m = y
    a[r], a[m] = a[m], a[r]


def _partition(a, lo, hi, p, less):
    while True:
        while less(a[lo], a[p]):
            lo += 1
        hi -= 1
        while less(a[p], a[hi]):
            hi -= 1
        if not lo < hi:
            return lo
        a[lo], a[hi] = a[hi], a[lo]
        lo += 1


def _final_insertion(a, first, last, less):
    if last - first > _THRESHOLD:
        _insertion(a, first, first + _THRESHOLD, less)
        for i in range(first + _THRESHOLD, last):
            _linear_insert(a, i, less)
    else:
        _insertion(a, first, last, less)


def _insertion(a, first, last, less):
    for i in range(first + 1, last):
        if less(a[i], a[first]):
            v = a[i]
            a[first + 1:i + 1] = a[first:i]
            a[first] = v
        else:
            _linear_insert(a, i, less)


def _linear_insert(a, i, less):
    v = a[i]
    j = i - 1
    while less(v, a[j]):
        a[j + 1] = a[j]
        j -= 1
    a[j + 1] = v


def _heapsort(a, first, last, less):
    n = last - first
    if n >= 2:
        for parent in range((n - 2) // 2, -1, -1):
            _adjust(a, first, parent, n, a[first + parent], less)
    while last - first > 1:
        last -= 1
        v = a[last]
        a[last] = a[first]
        _adjust(a, first, 0, last - first, v, less)


def _adjust(a, base, hole, n, v, less):
    top = hole
    child = hole
    while child < (n - 1) // 2:
        child = 2 * (child + 1)
        if less(a[base + child], a[base + child - 1]):
            child -= 1
        a[base + hole] = a[base + child]
        hole = child
    if n % 2 == 0 and child == (n - 2) // 2:
        child = 2 * (child + 1)
        a[base + hole] = a[base + child - 1]
        hole = child - 1
    parent = (hole - 1) // 2
    while hole > top and less(a[base + parent], v):
        a[base + hole] = a[base + parent]
        hole = parent
        parent = (hole - 1) // 2
    a[base + hole] = v


def _same_result(ctx, v, x):
    """sort() returns its argument: as the checker typed the call, the bare
    vector (call_result_type) or, for an `any` argument, the `any` value."""
    rt = getattr(ctx.desc, "type", None)
    return v if rt is None or rt.kind == "any" else x


@builtin("function sort(v: any, ...): any")
def sort(ctx, v, rest):
    t, vec = dynamic(v)
    if t.kind != "vector":
        ctx.builtin_error("sort() requires vector")
        return _same_result(ctx, v, vec)
    cmp = None
    if len(rest) > 1:
        ctx.builtin_error("sort() called with extraneous argument")
    elif rest:
        cmp = rest[0]
    less = _less_fn(ctx, vec, cmp, "sort")
    if less is not None and not _sorted_by_key(vec.items, cmp):
        std_sort(vec.items, less)
    return _same_result(ctx, v, vec)


def _sorted_by_key(items: list, cmp) -> bool:
    """sort(v, strcmp), as the cluster framework sorts its node names on
    every node: Python's own sort gives std::sort's result without a call
    through the runtime per comparison.  The same result, because strcmp's
    sign is the bytes order and only equal strings compare equal, which are
    the same value wherever a sort puts them; holes go last.  False (nothing
    done) for any other comparison function."""
    if cmp is None:
        return False
    fv = dynamic(cmp)[1]
    if getattr(fv, "builtin", None) is not _strcmp:
        return False
    strings = [x for x in items if x is not UNSET]
    if not all(type(x) is bytes for x in strings):
        return False
    strings.sort()
    items[:] = strings + [UNSET] * (len(items) - len(strings))
    return True


@builtin("function clear_table(v: any): any")
def clear_table(ctx, v):
    t, tab = dynamic(v)
    if t.kind != "table":
        ctx.builtin_error("clear_table() requires a table/set argument")
        return None
    tab.data.clear()
    return None


@builtin("function resize(aggr: any, newsize: count): count")
def resize(ctx, aggr, newsize):
    t, vec = dynamic(aggr)
    if t.kind != "vector":
        ctx.builtin_error("resize() operates on vectors")
        raise NoValue       # a null value, whatever the doc comment says
    old = len(vec.items)
    newsize &= 0xFFFFFFFF
    if newsize < old:
        del vec.items[newsize:]
    else:
        grow(ctx.rt, vec.items, newsize - old, ctx.loc)
    return old


@builtin("function order(v: any, ...): index_vec")
def order(ctx, v, rest):
    t, vec = dynamic(v)
    index_vec = ctx.interp.globals["index_vec"].type
    if t.kind != "vector":
        ctx.builtin_error("order() requires vector")
        return VectorVal(index_vec, [])
    cmp = None
    if len(rest) > 1:
        ctx.builtin_error("order() called with extraneous argument")
    elif rest:
        cmp = rest[0]
    less = _less_fn(ctx, vec, cmp, "order")
    if less is None:
        return vec          # Bro returns the input vector itself here (bro.bif)
    items = vec.items
    idx = list(range(len(items)))
    std_sort(idx, lambda i, j: less(items[i], items[j]))
    return VectorVal(index_vec, idx)


def _bool_vector(ctx, v, name):
    t, vec = dynamic(v)
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
