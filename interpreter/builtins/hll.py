"""HyperLogLog builtins of cardinality-counter.bif
(bifs/probabilistic-broker.md §2, hll_cardinality_*).  Elements are hashed
with Bro's table hash of their key bytes, which depends on the seed file
(values.md §3.1-§3.2)."""
from __future__ import annotations

import math

from ..errors import NoValue
from ..runtime.values import OpaqueVal
from ..types import same_type
from .probkeys import KeyError_, element, key_bytes, table_hash
from .registry import builtin


class HLL:
    """The state of an `opaque of cardinality`."""

    def __init__(self, b):
        self.b = b
        self.m = 1 << b
        self.reg = bytearray(self.m)
        self.V = self.m
        m = self.m
        self.alpha = {16: 0.673, 32: 0.697, 64: 0.709}.get(m) or 0.7213 / (1 + 1.079 / m)
        self.type = None

    def clone(self, keep_type=True):
        c = HLL.__new__(HLL)
        c.b, c.m, c.V, c.alpha = self.b, self.m, self.V, self.alpha
        c.reg = bytearray(self.reg)
        c.type = self.type if keep_type else None
        return c

    def copy_opaque(self, ov):
        return OpaqueVal(ov.oname, self.clone())

    def add(self, h):
        idx = h % self.m
        if self.reg[idx] == 0:
            self.V -= 1
        w = h >> self.b
        rank = 64 - self.b - w.bit_length() + 1
        if rank > self.reg[idx]:
            self.reg[idx] = rank

    def estimate(self):
        m = self.m
        s = 0.0
        for r in self.reg:
            s += 2.0 ** -r
        e = ((self.alpha * m) * m) * (1.0 / s)
        if e <= 5.0 * (m // 2):
            if self.V == 0:
                return math.inf
            return m * math.log(m / self.V)
        if e <= 2.0 ** 64 / 30:
            return e
        return -(2.0 ** 64) * math.log(1 - e / 2.0 ** 64)


def _size_bits(err, confidence):
    """The register-count exponent of CardinalityCounter's constructor."""
    initial = 2 * (math.log(1.04) - math.log(err)) / math.log(2)
    b = math.floor(initial)
    while True:
        b += 1
        k = 2.0 ** ((b - initial) / 2)
        if math.erf(k / math.sqrt(2)) >= confidence:
            return b


@builtin("function hll_cardinality_init(err: double, confidence: double): opaque of cardinality")
def hll_cardinality_init(ctx, err, confidence):
    if not (0 < err) or not (confidence <= 1.0):
        # Bro 2.6 computes nonsense for err <= 0 and loops forever for
        # confidence > 1 (§2 hll_cardinality_init); we refuse instead
        ctx.builtin_error("invalid error rate or confidence for a cardinality counter")
        raise NoValue
    b = _size_bits(err, confidence)
    if b < 4:
        ctx.rt.reporter.write(f"internal error: Invalid size {1 << b}. Size either has to "
                              "be 16, 32, 64 or bigger than 128")
        raise NoValue
    if b > 24:
        ctx.builtin_error("cardinality counter too large")
        raise NoValue
    return OpaqueVal("cardinality", HLL(b))


@builtin("function hll_cardinality_add(handle: opaque of cardinality, elem: any): bool")
def hll_cardinality_add(ctx, handle, elem):
    c = handle.state
    t, v = element(elem)
    if c.type is not None and not same_type(c.type, t):
        ctx.rt.reporter.error("incompatible HLL data type", None)
        return False
    try:
        key = key_bytes(t, v)
    except KeyError_ as e:
        ctx.rt.reporter.error(e.msg, None)
        return False
    if c.type is None:
        c.type = t
    c.add(table_hash(ctx.interp, key))
    return True


@builtin("function hll_cardinality_merge_into(handle1: opaque of cardinality, handle2: opaque of cardinality): bool")
def hll_cardinality_merge_into(ctx, handle1, handle2):
    a, b = handle1.state, handle2.state
    if a.type is not None and b.type is not None and not same_type(a.type, b.type):
        ctx.rt.reporter.error("incompatible HLL types", None)
        return False
    if a.m != b.m:
        ctx.rt.reporter.error("Carinality counters with different parameters cannot be merged", None)
        return False
    a.reg = bytearray(max(x, y) for x, y in zip(a.reg, b.reg))
    a.V = a.reg.count(0)
    return True


@builtin("function hll_cardinality_estimate(handle: opaque of cardinality): double")
def hll_cardinality_estimate(ctx, handle):
    return handle.state.estimate()


@builtin("function hll_cardinality_copy(handle: opaque of cardinality): opaque of cardinality")
def hll_cardinality_copy(ctx, handle):
    return OpaqueVal("cardinality", handle.state.clone(keep_type=False))
