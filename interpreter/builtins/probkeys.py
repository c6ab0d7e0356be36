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

from ..runtime import seeds
from ..runtime.values import UNSET, AnyVal, RecordVal, addr_is_v4

_Q = struct.Struct("<q").pack
_U32 = struct.Struct("<I").pack
_I32 = struct.Struct("<i").pack
_D = struct.Struct("<d").pack
M64 = (1 << 64) - 1

class KeyError_(Exception):
    """The element has no key layout; `msg` is what Bro reports."""

    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg


# --------------------------------------------------------------------------
# the run's seed numbers and table hash: runtime/seeds.py, the one source
# of both (issue 14 item 1), with or without a seed file

def seed_numbers(interp):
    """The 21 numbers of values.md §3.1 for this interpreter (the seed
    file's, or broscript's fixed ones without a seed file)."""
    return seeds.for_interp(interp).numbers


def table_hash(interp, key: bytes) -> int:
    """H(bytes) of values.md §3.2, under the run's key words."""
    return seeds.for_interp(interp).hash_key(key)


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
