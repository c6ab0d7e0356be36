"""Top-k builtins of top-k.bif: Bro's space-saving structure
(bifs/probabilistic-broker.md §2 "Top-k model"), with its bucket and
element order, so that ties, evictions and merges come out as in Bro."""
from __future__ import annotations

from ..errors import NoValue
from ..runtime.values import OpaqueVal, VectorVal
from ..types import VectorType, same_type
from .probkeys import KeyError_, element, key_bytes
from .registry import builtin


class _Elem:
    __slots__ = ("value", "epsilon", "bucket")

    def __init__(self, value, epsilon, bucket):
        self.value, self.epsilon, self.bucket = value, epsilon, bucket


class _Bucket:
    __slots__ = ("count", "elems")

    def __init__(self, count):
        self.count = count
        self.elems: list = []       # element keys, in arrival order


class TopK:
    """The state of an `opaque of topk`."""

    def __init__(self, size):
        self.size = size
        self.buckets: list[_Bucket] = []     # ascending count
        self.elements: dict = {}             # key bytes -> _Elem
        self.pruned = False
        self.type = None

    def copy_opaque(self, ov):
        c = TopK(self.size)
        c.pruned, c.type = self.pruned, self.type
        for b in self.buckets:
            nb = _Bucket(b.count)
            nb.elems = list(b.elems)
            c.buckets.append(nb)
            for key in b.elems:
                e = self.elements[key]
                c.elements[key] = _Elem(e.value, e.epsilon, nb)
        return OpaqueVal(ov.oname, c)

    def increment(self, key, n):
        """Topk.cc IncrementCounter: move to the bucket of count+n."""
        e = self.elements[key]
        old = e.bucket
        t = old.count + n
        bs = self.buckets
        i = bs.index(old) + 1
        while i < len(bs) and bs[i].count < t:
            i += 1
        if i < len(bs) and bs[i].count == t:
            nb = bs[i]
        else:
            nb = _Bucket(t)
            bs.insert(i, nb)
        old.elems.remove(key)
        nb.elems.append(key)
        e.bucket = nb
        if not old.elems:
            bs.remove(old)

    def new_front(self, count):
        """A bucket of `count` at the front, or the existing lowest one."""
        bs = self.buckets
        if bs and bs[0].count == count:
            return bs[0]
        b = _Bucket(count)
        bs.insert(0, b)
        return b

    def add(self, key, value):
        if key in self.elements:
            self.increment(key, 1)
            return
        if len(self.elements) < self.size:
            b = self.new_front(1)
            b.elems.append(key)
            self.elements[key] = _Elem(value, 0, b)
            return
        b = self.buckets[0]
        gone = b.elems.pop(0)
        del self.elements[gone]
        b.elems.append(key)
        self.elements[key] = _Elem(value, b.count, b)
        self.increment(key, 1)

    def merge(self, other, prune):
        for ob in list(other.buckets):
            for key in list(ob.elems):
                x = other.elements[key]
                if key not in self.elements:
                    b = self.new_front(0)
                    b.elems.append(key)
                    self.elements[key] = _Elem(x.value, 0, b)
                e = self.elements[key]
                e.epsilon += x.epsilon
                self.increment(key, ob.count)
        if prune:
            while len(self.elements) > self.size:
                b = self.buckets[0]
                gone = b.elems.pop(0)
                del self.elements[gone]
                if not b.elems:
                    self.buckets.pop(0)
                self.pruned = True


def _key(ctx, t, v):
    try:
        return key_bytes(t, v)
    except KeyError_ as e:
        # Bro 2.6 aborts on such an element; we report it and go on
        ctx.rt.reporter.error(e.msg, None)
        return None


@builtin("function topk_init(size: count): opaque of topk")
def topk_init(ctx, size):
    return OpaqueVal("topk", TopK(size))


@builtin("function topk_add(handle: opaque of topk, value: any): any")
def topk_add(ctx, handle, value):
    s = handle.state
    t, v = element(value)
    if s.elements and not same_type(s.type, t):
        ctx.rt.reporter.error("Trying to add element to topk with differing type from other elements", None)
        return None
    if s.size == 0:
        # Bro 2.6 crashes on the first add to a size-0 structure (§2 topk_init)
        ctx.builtin_error("cannot add to a top-k structure of size 0")
        return None
    key = _key(ctx, t, v)
    if key is None:
        return None
    if not s.elements:
        s.type = t
    s.add(key, v)
    return None


@builtin("function topk_get_top(handle: opaque of topk, k: count): any_vec", lazy=True)
def topk_get_top(ctx, handle, k):
    s = handle.state
    if not s.elements:
        ctx.rt.reporter.error("Cannot return topk of empty", None)
        raise NoValue
    k &= 0xFFFFFFFF
    if k >= 1 << 31:
        k -= 1 << 32
    out = []
    if k > 0:
        for b in reversed(s.buckets):
            if len(out) >= k:
                break
            out.extend(s.elements[key].value for key in b.elems)
    return VectorVal(VectorType(s.type), out)


def _tracked(ctx, handle, value, what):
    s = handle.state
    t, v = element(value)
    e = None
    if s.type is not None and same_type(s.type, t):
        key = _key(ctx, t, v)
        e = s.elements.get(key) if key is not None else None
    if e is None:
        ctx.rt.reporter.error(f"{what} for element that is not in top-k", None)
    return e


@builtin("function topk_count(handle: opaque of topk, value: any): count")
def topk_count(ctx, handle, value):
    e = _tracked(ctx, handle, value, "GetCount")
    return 0 if e is None else e.bucket.count


@builtin("function topk_epsilon(handle: opaque of topk, value: any): count")
def topk_epsilon(ctx, handle, value):
    e = _tracked(ctx, handle, value, "GetEpsilon")
    return 0 if e is None else e.epsilon


@builtin("function topk_size(handle: opaque of topk): count")
def topk_size(ctx, handle):
    return handle.state.size


@builtin("function topk_sum(handle: opaque of topk): count")
def topk_sum(ctx, handle):
    s = handle.state
    if s.pruned:
        ctx.rt.reporter.warning("TopkVal::GetSum() was used on a pruned data structure. "
                                "Result values do not represent total element count", None)
    return sum(b.count * len(b.elems) for b in s.buckets)


def _merge(ctx, handle1, handle2, prune):
    a, b = handle1.state, handle2.state
    if a.type is None:
        if b.type is None:
            # Bro 2.6 crashes merging two untyped structures (§2 topk_merge 1.)
            return None
        a.type = b.type
    elif b.type is not None and not same_type(a.type, b.type):
        ctx.rt.reporter.error("Cannot merge top-k elements of differing types.", None)
        return None
    a.merge(b, prune)
    return None


@builtin("function topk_merge(handle1: opaque of topk, handle2: opaque of topk): any")
def topk_merge(ctx, handle1, handle2):
    return _merge(ctx, handle1, handle2, False)


@builtin("function topk_merge_prune(handle1: opaque of topk, handle2: opaque of topk): any")
def topk_merge_prune(ctx, handle1, handle2):
    return _merge(ctx, handle1, handle2, True)
