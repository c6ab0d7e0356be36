"""Bro's dictionary order for tables and sets (values.md §3).

Bro walks a table in the order of its hash dictionary: buckets 0..n-1, each
chain front to back, with the bucket of a key = H(key bytes) mod n. Scripts
(and Bro's own test baselines) depend on that order, so every walk of a
`TableVal` (print, `for`, copy, builtins) goes through `BroDict`, the dict
that holds its entries.

Keeping lookups O(1) and inserts cheap:

* membership and values are a plain Python dict (BroDict *is* a dict);
* while a table has never held 51 entries (the growth threshold of a
  17-bucket dictionary, values.md §3.4) no resize has happened, so Bro's
  chains are just the keys in insertion order split by `H mod 17` -- and a
  Python dict keeps exactly that insertion order (re-adding a deleted key
  moves it to the end, assigning an existing key keeps its place). The order
  is then computed only when the table is walked, and cached until it
  changes;
* from the insert that reaches the threshold on, a `_Model` follows Bro's
  incremental resize step by step (values.md §3.4), hashing each new key
  once.

The hash key comes from the run's seed file through runtime/seeds.py
(values.md §3.1): `use(seeds)` binds it; until then (and in library use
without a seed file) broscript's fixed built-in seed is used.
"""
from __future__ import annotations

import hashlib
import struct

import siphashc


M64 = (1 << 64) - 1
START_BUCKETS = 17              # NextPrime(16), values.md §3.4
DENSITY = 3.0                   # threshold = int(3.0 * buckets)
MOVE_PER_INSERT = 8             # entries moved per insert while resizing
SIPHASH_MAX = 36                # longer keys take the MD5 path (§3.2)


# ---------------------------------------------------------------- hashing
class Hasher:
    """H(bytes) of values.md §3.2 under one run's key words."""
    __slots__ = ("sip", "md5", "gen", "words")

    def __init__(self, key_words, gen=0):
        self.words = list(key_words)
        self.sip = struct.pack("<4I", *key_words[16:20])
        self.md5 = hashlib.md5(struct.pack("<16I", *key_words[:16])).digest()
        self.gen = gen

    def __call__(self, data: bytes) -> int:
        if len(data) <= SIPHASH_MAX:
            return siphashc.siphash(self.sip, data)
        d = hashlib.md5(data).digest()
        x = (int.from_bytes(d, "little") ^ int.from_bytes(self.md5, "little")).to_bytes(16, "little")
        return int.from_bytes(hashlib.md5(x).digest()[:8], "little")


def _builtin_hasher(gen=0) -> Hasher:
    from .seeds import Seeds
    return Hasher(Seeds(None).key_words, gen)


_current = _builtin_hasher()


def use(seeds) -> None:
    """Hash with the key words of `seeds` (a runtime/seeds.Seeds) from now on.
    Tables that only cached hashes drop them; see the module docstring."""
    global _current
    if list(seeds.key_words) != _current.words:
        _current = Hasher(seeds.key_words, _current.gen + 1)


def current() -> Hasher:
    return _current


def next_prime(n: int) -> int:
    """Bro's Dictionary::NextPrime: odd, prime only up to 1000 (§3.4)."""
    if not n & 1:
        n += 1
    if n > 1000:
        return n
    while any(n % d == 0 for d in range(3, int(n ** 0.5) + 1, 2)):
        n += 2
    return n


# ---------------------------------------------------------------- key bytes
def _u64(v: int) -> bytes:
    return (v & M64).to_bytes(8, "little")


def _dbl(v) -> bytes:
    return struct.pack("<d", float(v))


def _subnet_len(sn) -> int:
    # IPPrefix::Length() is relative to the family (values.md §3.3)
    if _V.addr_is_v4(sn.prefix) and sn.width >= 96:
        return sn.width - 96
    return sn.width


def _fallback(v) -> bytes:
    # index types Bro hashes by pointer (functions, ...): no reproducible
    # order exists; broscript uses the value's description
    if isinstance(v, _V.AnyVal):
        v = v.value
    return repr(v).encode("utf-8", "surrogateescape")


_INTLIKE = ("bool", "int", "count", "port")
_DOUBLE = ("double", "time", "interval")


def _single_bytes(t):
    """Key bytes of a one-index, non-record table (values.md §3.3 table)."""
    k = t.kind
    if k in _INTLIKE:
        return lambda v: _u64(int(v))
    if k == "enum":
        return lambda v: _u64(v.num)
    if k in _DOUBLE:
        return _dbl
    if k == "string":
        return bytes
    if k == "addr":
        return lambda v: v.to_bytes(16, "big")
    if k == "subnet":
        return lambda sn: sn.prefix.to_bytes(16, "big") + struct.pack("<I", _subnet_len(sn))
    return _fallback


def _pad(buf: bytearray, align: int) -> None:
    r = len(buf) % align
    if r:
        buf.extend(bytes(align - r))


def _writer(t):
    """A function (buf, value) appending one field of a composite key."""
    k = t.kind
    if k in _INTLIKE or k == "enum":
        num = (lambda v: v.num) if k == "enum" else int

        def w(buf, v):
            _pad(buf, 8)
            buf += _u64(num(v))
        return w
    if k in _DOUBLE:
        def w(buf, v):
            _pad(buf, 8)
            buf += _dbl(v)
        return w
    if k == "addr":
        def w(buf, v):
            _pad(buf, 4)
            buf += v.to_bytes(16, "big")
        return w
    if k == "subnet":
        def w(buf, v):
            _pad(buf, 4)
            buf += v.prefix.to_bytes(16, "big")
            buf += struct.pack("<I", _subnet_len(v))
        return w
    if k == "string":
        def w(buf, v):
            _pad(buf, 4)
            buf += struct.pack("<i", len(v))
            buf += v
        return w
    if k == "record":
        # fields in order; an &optional one (every &default one too) gets a
        # presence byte, unaligned, and nothing more when absent (§3.3)
        fields = [(_writer(f.type), f.optional) for f in t.fields]

        def w(buf, v):
            for (fw, opt), x in zip(fields, v.vals):
                if opt:
                    if x is _V.UNSET or x is None:
                        buf.append(0)
                        continue
                    buf.append(1)
                fw(buf, x)
        return w

    def w(buf, v):
        buf += _fallback(v)
    return w


def key_bytes_fn(ttype):
    """fn(index list) -> Bro's key bytes for tables of type `ttype`."""
    fn = getattr(ttype, "_dictorder_kb", None)
    if fn is not None:
        return fn
    idx = ttype.indices
    if not idx:
        fn = _dynamic_bytes
    elif len(idx) == 1 and idx[0].kind != "record":
        one = _single_bytes(idx[0])
        fn = lambda vals: one(vals[0])  # noqa: E731
    else:
        ws = [_writer(t) for t in idx]

        def fn(vals):
            buf = bytearray()
            for w, v in zip(ws, vals):
                w(buf, v)
            return bytes(buf)
    try:
        ttype._dictorder_kb = fn
    except AttributeError:
        pass
    return fn


def _dynamic_bytes(vals):
    # an unspecified `set()`/`table()` that got entries anyway: go by the
    # Python types of the values
    if len(vals) == 1 and not isinstance(vals[0], _V.RecordVal):
        v = vals[0]
        if isinstance(v, bytes):
            return v
        if isinstance(v, bool) or isinstance(v, int) and v.bit_length() <= 64:
            return _u64(int(v))
        if isinstance(v, float):
            return _dbl(v)
    return b"".join(_fallback(v) for v in vals)


# ---------------------------------------------------------------- the dict
class BroDict(dict):
    """A table's entries: key -> [index list, value]; iterates in Bro's
    dictionary order (values.md §3.4)."""
    __slots__ = ("ttype", "hc", "gen", "order", "model", "log")

    def __init__(self, ttype=None):
        super().__init__()
        self.ttype = ttype
        self.hc = None          # key -> H, filled when first needed
        self.gen = -1           # the Hasher generation of hc
        self.order = None       # cached key order, None when stale
        self.model = None       # _Model once the table reached the threshold
        # changes not yet applied to the model: (0, key, index) inserts,
        # (1, key) deletes, [2, n] n inserts of existing keys. Applying them
        # when the table is walked keeps inserts cheap.
        self.log = None

    def retype(self, ttype) -> None:
        """Hash under new index types from now on."""
        if ttype is not self.ttype:
            self.ttype = ttype
            self.rehash()

    def rehash(self) -> None:
        """Forget the hashes. A table that already resized is placed again
        in its insertion order (only tables filled before the run's seed
        file was read, or retyped, get here)."""
        self.hc = None
        self.order = None
        if self.model is not None:
            items = list(dict.items(self))
            self.clear()
            self.fill(items)

    # -- hashing
    def _hash(self, key) -> int:
        h = _current
        hc = self.hc
        if hc is None or self.gen != h.gen:
            hc = self.hc = {}
            self.gen = h.gen
        v = hc.get(key)
        if v is None:
            ent = dict.__getitem__(self, key)
            v = hc[key] = h(key_bytes_fn(self.ttype)(ent[0]))
        return v

    # -- changes
    def __setitem__(self, key, ent):
        if key in self:
            dict.__setitem__(self, key, ent)
            log = self.log
            if log is not None:
                if log and log[-1].__class__ is list:
                    log[-1][1] += 1
                else:
                    log.append([2, 1])
            return
        dict.__setitem__(self, key, ent)
        self.order = None
        log = self.log
        if log is not None:
            log.append((0, key, ent[0]))
            if len(log) > 2 * len(self) + 256:
                self._apply()
        elif len(self) >= int(DENSITY * START_BUCKETS):
            self._start_model()

    def __delitem__(self, key):
        if self.log is not None:
            self.log.append((1, key))
        elif self.hc is not None:
            self.hc.pop(key, None)
        dict.__delitem__(self, key)
        self.order = None

    def pop(self, key, *default):
        if key in self:
            ent = dict.__getitem__(self, key)
            self.__delitem__(key)
            return ent
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for k in self:
            return k, self.pop(k)
        raise KeyError("popitem(): dictionary is empty")

    def setdefault(self, key, ent=None):
        if key in self:
            return dict.__getitem__(self, key)
        self[key] = ent
        return ent

    def update(self, *args, **kw):
        for k, v in dict(*args, **kw).items():
            self[k] = v

    def clear(self):
        # clear_table: a fresh 17-bucket dictionary (values.md §3.4)
        dict.clear(self)
        self.hc = None
        self.order = None
        self.model = None
        self.log = None

    def fill(self, items) -> "BroDict":
        """Insert (key, entry) pairs in the given order (copy re-inserts in
        the source's iteration order, §3.4)."""
        for k, v in items:
            self[k] = v
        return self

    # -- walking
    def keys_in_order(self) -> list:
        o = self.order
        if o is not None and not self.log and self.gen == _current.gen:
            return o
        if self.model is not None:
            if self.gen != _current.gen:
                self.rehash()
            self._apply()
            o = self.model.walk()
        elif len(self) < 2:
            o = list(dict.keys(self))
        else:
            h = self._hash
            o = sorted(dict.keys(self), key=lambda k: h(k) % START_BUCKETS)
        self.order = o
        return o

    def __iter__(self):
        return iter(self.keys_in_order())

    def keys(self):
        return list(self.keys_in_order())

    def values(self):
        get = dict.__getitem__
        return [get(self, k) for k in self.keys_in_order()]

    def items(self):
        get = dict.__getitem__
        return [(k, get(self, k)) for k in self.keys_in_order()]

    def copy(self):
        return BroDict(self.ttype).fill(self.items())

    def __reduce__(self):
        return (BroDict, (self.ttype,), None, None, iter(self.items()))

    def _start_model(self):
        """The insert that reached the threshold: no resize has happened,
        so the chains are the keys in insertion order by H mod 17."""
        h = self._hash
        m = _Model(START_BUCKETS)
        for k in dict.keys(self):
            m.place(k, h(k))
        self.model = m
        self.log = []
        m.start_resize()

    def _apply(self) -> None:
        """Play the logged changes on the model, in order."""
        log = self.log
        if not log:
            return
        self.log = []
        m = self.model
        hc = self.hc
        hasher = _current
        kb = key_bytes_fn(self.ttype)
        place, touch, remove = m.place, m.touch, m.remove
        for op in log:
            if op.__class__ is list:
                for _ in range(op[1]):
                    if m.tbl2 is None:
                        break       # no resize running: nothing to do
                    m.move_chains()
            elif op[0] == 0:
                key = op[1]
                h = hc[key] = hasher(kb(op[2]))
                place(key, h)
                touch()
            else:
                key = op[1]
                remove(key, hc.pop(key))


class _Model:
    """Bro's Dictionary with its incremental resize (values.md §3.4), keys
    only. Chains hold (key, H) pairs."""
    __slots__ = ("n", "tbl", "count", "thresh", "n2", "tbl2", "count2", "cursor")

    def __init__(self, n):
        self.n = n
        self.tbl = [[] for _ in range(n)]
        self.count = 0
        self.thresh = int(DENSITY * n)
        self.tbl2 = None
        self.n2 = self.count2 = self.cursor = 0

    def place(self, key, h):
        """Append a new key to its chain (old table unless its bucket has
        already moved)."""
        b = h % self.n
        if self.tbl2 is not None and b < self.cursor:
            self.tbl2[h % self.n2].append((key, h))
            self.count2 += 1
        else:
            self.tbl[b].append((key, h))
            self.count += 1

    def insert(self, key, h):
        self.place(key, h)
        self.touch()

    def touch(self):
        """What follows every insert, new key or not."""
        if self.tbl2 is not None:
            self.move_chains()
        elif self.count >= self.thresh:
            self.start_resize()

    def start_resize(self):
        self.n2 = next_prime(2 * self.n + 1)
        self.tbl2 = [[] for _ in range(self.n2)]
        self.count2 = 0
        self.cursor = 0

    def move_chains(self):
        tbl, tbl2, n2, n = self.tbl, self.tbl2, self.n2, self.n
        cur = self.cursor
        left = MOVE_PER_INSERT
        moved = 0
        while True:
            chain = tbl[cur]
            cur += 1
            if chain:
                tbl[cur - 1] = []
                for kh in chain:
                    tbl2[kh[1] % n2].append(kh)
                moved += len(chain)
                left -= len(chain)
            if left <= 0 or cur >= n:
                break
        self.count -= moved
        self.count2 += moved
        self.cursor = cur
        if cur >= n:
            self.n, self.tbl, self.count = n2, tbl2, self.count2
            self.thresh = int(DENSITY * n2)
            self.tbl2 = None
            self.n2 = self.count2 = self.cursor = 0

    def remove(self, key, h):
        b = h % self.n
        if self.tbl2 is not None and b < self.cursor:
            chain = self.tbl2[h % self.n2]
            self.count2 -= 1
        else:
            chain = self.tbl[b]
            self.count -= 1
        for i, kh in enumerate(chain):
            if kh[0] == key:
                del chain[i]
                return

    def walk(self) -> list:
        out = [kh[0] for chain in self.tbl[self.cursor:] for kh in chain]
        if self.tbl2 is not None:
            out += [kh[0] for chain in self.tbl2 for kh in chain]
        return out


# values.py imports this module for BroDict; the value classes used above
# are looked up at call time
from . import values as _V  # noqa: E402
