"""Bloom filter builtins of bloom-filter.bif (bifs/probabilistic-broker.md §2):
basic filters hashed by a DoubleHasher, counting filters by a DefaultHasher,
both over the element's key bytes with Bro's seeded UHF, so lookups and
`bloomfilter_internal_state` agree with Bro bit for bit."""
from __future__ import annotations

import hashlib
import math

from ..errors import NoValue
from ..runtime.values import OpaqueVal
from ..types import same_type
from .probkeys import M64, KeyError_, element, filter_seed, key_bytes, prng, uhf
from .registry import builtin


class DoubleHasher:
    """k hashes d1 + i*d2 from two UHFs (§2 "DoubleHasher")."""
    __slots__ = ("k", "seed")

    def __init__(self, k, seed):
        self.k, self.seed = k, seed

    def hashes(self, key):
        h1, h2 = self.seed
        d1 = uhf(((h1 + 16807) & M64, h2), key)
        d2 = uhf(((h1 + 33614) & M64, h2), key)
        return [(d1 + i * d2) & M64 for i in range(self.k)]

    def same(self, other):
        # Bro compares the two UHF seeds only, not k (§2 bloomfilter_merge 3.)
        return isinstance(other, DoubleHasher) and self.seed == other.seed


class DefaultHasher:
    """k independent UHFs at seed offsets prng(i) (§2 "DefaultHasher")."""
    __slots__ = ("seed", "offsets")

    def __init__(self, k, seed, offsets=None):
        self.seed = seed
        self.offsets = offsets if offsets is not None else [prng(i) for i in range(1, k + 1)]

    @property
    def k(self):
        return len(self.offsets)

    def hashes(self, key):
        h1, h2 = self.seed
        return [uhf(((h1 + o) & M64, h2), key) for o in self.offsets]

    def same(self, other):
        return (isinstance(other, DefaultHasher) and self.seed == other.seed
                and self.offsets == other.offsets)

    def reread(self):
        # Reading a counting filter back (copy, Broker) rebuilds its hashers
        # from prng(0)...prng(k-1) instead of prng(1)...prng(k) (§2 object model).
        return DefaultHasher(0, self.seed, [prng(i) for i in range(self.k)])


class BloomFilter:
    """The state of an `opaque of bloomfilter`.  Cells are kept sparse
    (index -> counter), since Bro lets a script size a filter at hundreds
    of megabytes (§2 bloomfilter_basic_init, degenerate cases)."""

    def __init__(self, counting, hasher, cells, width=1):
        self.counting = counting
        self.hasher = hasher
        self.cells = cells
        self.width = width          # counter bits; 1 for basic filters
        self.vec: dict = {}         # cell -> non-zero counter (1 for a set bit)
        self.type = None            # element type, fixed by the first add

    def clone(self, reread=True):
        c = BloomFilter(self.counting, self.hasher, self.cells, self.width)
        if self.counting and reread:
            c.hasher = self.hasher.reread()
        c.vec = dict(self.vec)
        c.type = self.type
        return c

    def copy_opaque(self, ov):
        return OpaqueVal(ov.oname, self.clone())

    def cells_of(self, key):
        n = self.cells
        return [h % n for h in self.hasher.hashes(key)]

    def add(self, key):
        vec = self.vec
        if self.counting:
            top = (1 << self.width) - 1
            for c in self.cells_of(key):
                vec[c] = min(vec.get(c, 0) + 1, top)
        else:
            for c in self.cells_of(key):
                vec[c] = 1

    def lookup(self, key):
        cells = self.cells_of(key)
        vec = self.vec
        if self.counting:
            return min((vec.get(c, 0) for c in cells), default=M64)
        return 1 if all(c in vec for c in cells) else 0

    def merge_from(self, other):
        vec = self.vec
        top = (1 << self.width) - 1
        for c, x in other.vec.items():
            vec[c] = min(vec.get(c, 0) + x, top) if self.counting else 1

    def state_hash(self):
        """bloomfilter_internal_state: SHA-256 of the bit vector's 64-bit words."""
        bits = 0
        w = self.width
        for c, x in self.vec.items():
            bits |= x << (c * w)
        nwords = (self.cells * w + 63) // 64
        digest = hashlib.sha256(bits.to_bytes(nwords * 8, "little")).digest()
        return int.from_bytes(digest[:8], "little")


def _new(ctx, counting, hasher, cells, width=1):
    if hasher.k > (1 << 20):
        ctx.builtin_error("too many hash functions for a Bloom filter")
        raise NoValue
    return OpaqueVal("bloomfilter", BloomFilter(counting, hasher, cells, width))


def _error(ctx, msg):
    ctx.rt.reporter.error(msg, None)


@builtin('function bloomfilter_basic_init(fp: double, capacity: count, name: string &default=""): opaque of bloomfilter')
def bloomfilter_basic_init(ctx, fp, capacity, name=b""):
    if fp < 0 or fp > 1:
        _error(ctx, "false-positive rate must take value between 0 and 1")
        raise NoValue
    ln2 = math.log(2)
    try:
        cells = math.ceil(-(float(capacity) * math.log(fp) / ln2 / ln2))
        k = math.ceil((cells / float(capacity)) * ln2)
    except (ValueError, ZeroDivisionError, OverflowError):
        # fp = 0 or capacity = 0: Bro computes an undefined size (§2)
        ctx.builtin_error("cannot size a Bloom filter for this false-positive rate and capacity")
        raise NoValue
    return _new(ctx, False, DoubleHasher(k, filter_seed(ctx.interp, name)), cells)


@builtin('function bloomfilter_basic_init2(k: count, cells: count, name: string &default=""): opaque of bloomfilter')
def bloomfilter_basic_init2(ctx, k, cells, name=b""):
    if k == 0:
        _error(ctx, "number of hash functions must be non-negative")
        raise NoValue
    if cells == 0:
        _error(ctx, "number of cells must be non-negative")
        raise NoValue
    return _new(ctx, False, DoubleHasher(k, filter_seed(ctx.interp, name)), cells)


@builtin('function bloomfilter_counting_init(k: count, cells: count, max: count, name: string &default=""): opaque of bloomfilter')
def bloomfilter_counting_init(ctx, k, cells, max, name=b""):
    if max == 0:
        _error(ctx, "max counter value must be greater than 0")
        raise NoValue
    hasher = DefaultHasher(k, filter_seed(ctx.interp, name))
    return _new(ctx, True, hasher, cells, max.bit_length())


def _key(ctx, bf, x, lookup):
    """The element's key bytes, or None after Bro's message (§2)."""
    t, v = element(x)
    if bf.type is None:
        if lookup:
            _error(ctx, "cannot perform lookup on untyped Bloom filter")
            return None
    elif not same_type(bf.type, t):
        _error(ctx, "incompatible Bloom filter types")
        return None
    try:
        key = key_bytes(t, v)
    except KeyError_ as e:
        # Bro 2.6 aborts here (internal error); we report it and go on
        _error(ctx, e.msg)
        return None
    if bf.type is None:
        bf.type = t
    return key


@builtin("function bloomfilter_add(bf: opaque of bloomfilter, x: any): any")
def bloomfilter_add(ctx, bf, x):
    f = bf.state
    key = _key(ctx, f, x, False)
    if key is not None:
        if f.cells == 0 and f.hasher.k:
            ctx.builtin_error("Bloom filter has no cells")
            return None
        f.add(key)
    return None


@builtin("function bloomfilter_lookup(bf: opaque of bloomfilter, x: any): count")
def bloomfilter_lookup(ctx, bf, x):
    f = bf.state
    key = _key(ctx, f, x, True)
    if key is None:
        return 0
    if f.cells == 0 and f.hasher.k:
        return 0
    return f.lookup(key)


@builtin("function bloomfilter_clear(bf: opaque of bloomfilter): any")
def bloomfilter_clear(ctx, bf):
    f = bf.state
    if f.type is not None:
        f.vec = {}
    return None


@builtin("function bloomfilter_merge(bf1: opaque of bloomfilter, bf2: opaque of bloomfilter): opaque of bloomfilter")
def bloomfilter_merge(ctx, bf1, bf2):
    a, b = bf1.state, bf2.state
    if a.type is not None and b.type is not None and not same_type(a.type, b.type):
        _error(ctx, "incompatible Bloom filter types")
        raise NoValue
    if a.counting != b.counting:
        _error(ctx, "cannot merge different Bloom filter types")
        raise NoValue
    kind = "CountingBloomFilter" if a.counting else "BasicBloomFilter"
    if not a.hasher.same(b.hasher):
        _error(ctx, f"incompatible hashers in {kind} merge")
        _error(ctx, "failed to merge Bloom filter")
        raise NoValue
    if a.cells * a.width != b.cells * b.width:
        _error(ctx, f"different bitvector size in {kind} merge")
        _error(ctx, "failed to merge Bloom filter")
        raise NoValue
    out = a.clone(reread=False)
    out.merge_from(b)
    return OpaqueVal("bloomfilter", out)


@builtin("function bloomfilter_internal_state(bf: opaque of bloomfilter): string")
def bloomfilter_internal_state(ctx, bf):
    return b"%d" % bf.state.state_hash()
