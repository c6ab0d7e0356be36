"""What the probabilistic structures hash (bifs/probabilistic-broker.md §2):
an element's key bytes (the CompositeHash layout of values.md §3.3, with
the v4-relative subnet length of the §2 correction), Bro's seeded UHF, and
the process-wide hash keys that come from the seed file (values.md §3.1).

No builtins live here; bloom.py, hll.py and topk.py share it.
"""
from __future__ import annotations

import hashlib
import struct

import siphashc

from ..runtime.values import UNSET, AnyVal, RecordVal, addr_is_v4

_Q = struct.Struct("<q").pack
_U32 = struct.Struct("<I").pack
_I32 = struct.Struct("<i").pack
_D = struct.Struct("<d").pack
M64 = (1 << 64) - 1

# values.md §3.1: the numbers of Zeek's testing/btest/random.seed.  Without
# a seed file Bro draws them from the clock; broscript uses these fixed ones
# instead so that runs are reproducible (and match the btest baselines).
BUILTIN_SEED_NUMBERS = (
    2983378351, 1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240,
    1450515018, 1466150520, 1342286698, 1193956778, 2188527278, 3361989254,
    3912865238, 3596260151, 517973768, 1462428821, 0, 2278350848, 32767)


class KeyError_(Exception):
    """The element has no key layout; `msg` is what Bro reports."""

    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg


# --------------------------------------------------------------------------
# seed-file numbers

def _read_seed_file(path):
    try:
        with open(path, "rb") as fh:
            words = fh.read().split()
        nums = tuple(int(w) & 0xFFFFFFFF for w in words[:21])
    except (OSError, ValueError):
        return None
    return nums if len(nums) == 21 else None


def seed_numbers(interp):
    """The 21 numbers of values.md §3.1 for this interpreter: `-G FILE`
    wins over BRO_SEED_FILE; the built-in set when there is neither."""
    cached = getattr(interp, "_prob_seed_numbers", None)
    if cached is not None:
        return cached
    nums = None
    try:        # the shared seeding module, once it exists (BIFCOMMON)
        from ..runtime import seeds
        nums = seeds.for_interp(interp).seed_numbers
    except (ImportError, AttributeError):
        path = getattr(interp, "seed_file", None)
        if path is None:
            p = (getattr(interp, "environ", None) or {}).get(b"BRO_SEED_FILE")
            path = p.decode("latin-1") if p else None
        if path:
            nums = _read_seed_file(path)
    if nums is None:
        nums = BUILTIN_SEED_NUMBERS
    nums = tuple(nums)
    try:
        interp._prob_seed_numbers = nums
    except AttributeError:
        pass
    return nums


def table_hash_keys(interp):
    """(SipHash key, MD5 key) of Bro's table hash, values.md §3.1."""
    nums = seed_numbers(interp)
    buf = nums[1:21]
    sip = b"".join(_U32(x) for x in buf[16:20])
    md5 = hashlib.md5(b"".join(_U32(x) for x in buf[0:16])).digest()
    return sip, md5


def table_hash(interp, key: bytes) -> int:
    """H(bytes) of values.md §3.2."""
    sip, md5 = table_hash_keys(interp)
    if len(key) <= 36:
        return siphashc.siphash(sip, key)
    d = hashlib.md5(key).digest()
    d = bytes(a ^ b for a, b in zip(d, md5))
    return int.from_bytes(hashlib.md5(d).digest()[:8], "little")


def uhf(seed, key: bytes) -> int:
    """Bro's seeded universal hash (§2 "Seeds and hashing", UHF)."""
    h1, h2 = seed
    k = h1.to_bytes(8, "little") + h2.to_bytes(8, "little")
    if len(key) <= 36:
        return siphashc.siphash(k, key)
    d = hashlib.md5(key).digest()
    d = bytes(a ^ b for a, b in zip(d, k))
    return int.from_bytes(hashlib.md5(d).digest()[:8], "little")


def filter_seed(interp, name: bytes):
    """The (h1, h2) seed of a Bloom filter's hasher (§2 "Seeds", step 1-2)."""
    data = name
    if not data:
        g = interp.globals.get("global_hash_seed")
        v = getattr(g, "value", None) if g is not None else None
        if isinstance(v, bytes) and v:
            data = v
        else:
            data = _U32(seed_numbers(interp)[0])
    d = hashlib.sha256(data).digest()
    return int.from_bytes(d[0:8], "little"), int.from_bytes(d[8:16], "little")


def prng(i: int) -> int:
    """Park-Miller step of Bro's util.cc (§2 "prng(i)")."""
    r = (16807 * (i % 127773) - 2836 * (i // 127773)) & 0xFFFFFFFF
    return r or 2147483647


# --------------------------------------------------------------------------
# element types and key bytes

def element(x):
    """(dynamic type, value) of an `any` argument."""
    t, v = x.type, x.value
    while isinstance(v, AnyVal):
        t, v = v.type, v.value
    if isinstance(v, RecordVal):
        t = v.rtype
    return t, v


_FIXED = ("bool", "int", "count", "counter", "enum", "port")
_REAL = ("double", "time", "interval")


def _ival(k, v):
    if k == "enum":
        return v.num
    if k == "bool":
        return 1 if v else 0
    return v


def _subnet_bytes(s):
    width = s.width - 96 if addr_is_v4(s.prefix) else s.width
    return s.prefix.to_bytes(16, "big") + _U32(width)


def _func_id(v):
    # Bro keys a function by its per-process id (Func.h); ours is stable
    # within a process, which is all Bro promises.
    fid = _FUNC_IDS.get(id(v))
    if fid is None:
        fid = _FUNC_IDS[id(v)] = len(_FUNC_IDS) + 1
        _FUNC_KEEP.append(v)
    return fid


_FUNC_IDS: dict = {}
_FUNC_KEEP: list = []
_SINGLETON_ERR = "bad index type in CompositeHash::ComputeSingletonHash"


def key_bytes(t, v) -> bytes:
    """The key bytes of a one-index table of type `t` holding `v`
    (values.md §3.3 as corrected by §2 "Element key bytes")."""
    k = t.kind
    if k in _FIXED:
        return _Q(_ival(k, v))
    if k in _REAL:
        return _D(float(v))
    if k == "string":
        return bytes(v)
    if k == "addr":
        return v.to_bytes(16, "big")
    if k == "subnet":
        return _subnet_bytes(v)
    if k == "func":
        return _U32(_func_id(v))
    if k == "record":
        out = bytearray()
        _record(t, v, out)
        return bytes(out)
    raise KeyError_(_SINGLETON_ERR)


def _align(out, n):
    pad = (-len(out)) % n
    if pad:
        out += b"\x00" * pad


def _field(t, v, out):
    k = t.kind
    if k in _FIXED:
        _align(out, 8)
        out += _Q(_ival(k, v))
    elif k in _REAL:
        _align(out, 8)
        out += _D(float(v))
    elif k == "string":
        _align(out, 4)
        out += _I32(len(v)) + bytes(v)
    elif k == "addr":
        _align(out, 4)
        out += v.to_bytes(16, "big")
    elif k == "subnet":
        _align(out, 4)
        out += _subnet_bytes(v)
    elif k == "func":
        _align(out, 4)
        out += _U32(_func_id(v))
    elif k == "record":
        _record(t, v, out)
    elif k == "any" and isinstance(v, AnyVal):
        _field(v.type, v.value, out)
    else:
        raise KeyError_("bad index type in CompositeHash::SingleValHash")


def _record(rt, rv, out):
    for f, x in zip(rt.fields, rv.vals):
        optional = f.optional or f.attrs.has("&default")
        if optional:
            out.append(0 if x is UNSET else 1)
            if x is UNSET:
                continue
        elif x is UNSET:
            # Bro 2.6 dereferences the missing field and crashes
            raise KeyError_(f"no hash key for record with unset field '{f.name}'")
        _field(f.type, x, out)
