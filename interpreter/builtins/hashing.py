"""Hash builtins and the ODesc binary description they hash.

`binary_desc(t, v)` is Bro 2.6's `Val::Describe` in DESC_BINARY mode
(hashing.md §2-§4): the value's dynamic type description followed by its
value part, little-endian.  fnv1a32 and the md5/sha* family hash these bytes
(strings hash raw for the digests, values.md §6.9).  hrw_weight is §5.
"""
from __future__ import annotations

import functools
import hashlib
import struct

import mmh3

from ..types import TAGS, BOOL, VOID, ANY, Type
from ..runtime.addrs import addr_to_str, subnet_to_str
from ..runtime.values import (AnyVal, Interval, UNSET, PORT_PROTOS)
from .registry import builtin

_I32 = struct.Struct("<i").pack
_I64 = struct.Struct("<q").pack
_U64 = struct.Struct("<Q").pack
_U32 = struct.Struct("<I").pack
_F64 = struct.Struct("<d").pack

_M64 = 0xFFFFFFFFFFFFFFFF

# I32(tag) for each kind, prebuilt.
_TAG = {kind: _I32(tag) for kind, tag in TAGS.items()}
_FLAVOR = {"function": 0, "event": 1, "hook": 2}

_NUL = b"\x00"
_UNINIT = b"<uninitialized>\x00"
_LBRACK, _SEP, _RBRACK = b"[\x00", b", \x00", b"]\x00"
_SLASH = b"/\x00"
_ZERO_SECS = b"0 secs\x00"
_PORT_SUFFIX = {mask: f"/{proto}".encode() + _NUL for mask, proto in PORT_PROTOS.items()}
# Interval unit words (hashing.md §4.2), largest first.
_UNITS = ((86400.0, b"day\x00"), (3600.0, b"hr\x00"), (60.0, b"min\x00"),
          (1.0, b"sec\x00"), (1e-3, b"msec\x00"), (1e-6, b"usec\x00"))
_PLURAL = b"s\x00"
_INT_MIN_D = -2147483648.0


def _text(s: str) -> bytes:
    """A C string from script text.  Our sources read bytes as latin-1;
    strlen() stops at an embedded NUL."""
    try:
        b = s.encode("latin-1")
    except UnicodeEncodeError:
        b = s.encode("utf-8", "surrogateescape")
    return b.partition(_NUL)[0] + _NUL


# --------------------------------------------------------------------------
# type descriptions, TYPE(t) (hashing.md §3)

def _type_desc(t: Type, out: bytearray) -> None:
    k = t.kind
    out += _TAG[k]
    if k == "record":
        _fields_desc([(f.type, f.name) for f in t.fields], out)
    elif k == "table":
        for it in t.indices or ():
            _type_desc(it, out)
        if t.yield_ is not None:
            _type_desc(t.yield_, out)
    elif k == "vector" or k == "file":
        _type_desc(t.yield_ if t.yield_ is not None else ANY, out)
    elif k == "opaque":
        out += _text(t.oname)
    elif k == "func":
        ret = t.ret
        # parse.y gives hooks a bool yield and a function without a declared
        # return type a void one; only events have none.
        if ret is None:
            ret = BOOL if t.flavor == "hook" else VOID if t.flavor == "function" else None
        out += _I32(_FLAVOR[t.flavor])
        out += _I32(1 if ret is not None else 0)
        _fields_desc([(p.type, p.name) for p in t.params], out)
        if ret is not None:
            _type_desc(ret, out)
    elif k == "list":
        _list_type_desc(t.types, out)
    # every other kind (enum included) is the tag alone


def _fields_desc(fields, out: bytearray) -> None:
    """RecordType::DescribeFields in binary mode."""
    out += _I64(0)
    out += _I64(len(fields))
    for ft, name in fields:
        _type_desc(ft, out)
        out += _text(name)


def _list_type_desc(types, out: bytearray) -> None:
    """An impure TypeList (the only kind a rebuilt index list has)."""
    out += _TAG["list"]
    out += _I32(0)
    out += _I32(len(types))
    for it in types:
        _type_desc(it, out)


# --------------------------------------------------------------------------
# value descriptions, DESC(v) (hashing.md §4)

def _interval_words(v: float, out: bytearray) -> None:
    """IntervalVal::ValDescribe, binary (hashing.md §4.2 a)."""
    if v == 0.0:
        out += _ZERO_SECS
        return
    for unit, name in _UNITS:
        if v >= unit or v <= -unit:
            q = v / unit
            # C++ (int) truncation; out of range gives INT_MIN on x86-64.
            if -2147483649.0 < q < 2147483648.0:
                num = float(int(q))
            else:
                num = _INT_MIN_D
            if num != 0.0:
                out += _F64(num)
                out += name
                if num != 1.0 and num != -1.0:
                    out += _PLURAL
                v = v - num * unit


def _desc(t: Type, v, out: bytearray) -> None:
    if isinstance(v, AnyVal):          # described by its dynamic type
        t, v = v.type, v.value
        if isinstance(v, AnyVal):
            return _desc(t, v, out)
    k = t.kind
    if k == "string":
        out += b"\x08\x00\x00\x00"
        out += _I32(len(v))
        out += v
    elif k == "count" or k == "counter":
        out += b"\x03\x00\x00\x00"
        out += _U64(v & _M64)
    elif k == "int":
        out += b"\x02\x00\x00\x00"
        out += _I64(v)
    elif k == "bool":
        out += b"\x01\x00\x00\x00"
        out += _I64(1 if v else 0)
    elif k == "double" or k == "time":
        out += _TAG[k]
        out += _F64(v)
    elif k == "interval":
        out += _TAG[k]
        if isinstance(v, Interval):
            _interval_words(v, out)
        else:                          # plain interval value: raw double
            out += _F64(v)
    elif k == "enum":
        out += _TAG[k]
        out += _text(v.name) if v.name is not None else b"<undefined>\x00"
    elif k == "port":
        out += _TAG[k]
        out += _U32(v & 0xFFFF)
        out += _PORT_SUFFIX[v & 0x30000]
    elif k == "addr":
        out += _TAG[k]
        out += addr_to_str(v).encode("ascii")
        out += _NUL
    elif k == "subnet":
        out += _TAG[k]
        out += subnet_to_str(v).encode("ascii")
        out += _NUL
    elif k == "pattern":
        out += _TAG[k]
        out += _SLASH
        out += _text(v.text)
        out += _SLASH
    elif k == "record":
        _record_desc(v, out)
    elif k == "vector":
        _vector_desc(t, v, out)
    elif k == "table":
        _table_desc(t, v, out)
    else:
        _other_desc(t, v, out)


def _record_desc(rv, out: bytearray) -> None:
    rt = rv.rtype
    _type_desc(rt, out)
    fields = rt.fields
    n = len(fields)
    out += _I32(n)
    vals = rv.vals
    for i in range(n):
        f = fields[i]
        out += _text(f.name)
        val = vals[i] if i < len(vals) else UNSET
        if val is UNSET or val is None:
            out += _UNINIT
        else:
            _desc(f.type, val, out)


def _vector_desc(t: Type, vv, out: bytearray) -> None:
    vt = vv.vtype if vv.vtype.yield_ is not None else t
    _type_desc(vt, out)
    yt = vt.yield_ if vt.yield_ is not None else ANY
    out += _LBRACK
    items = vv.items
    last = len(items) - 1
    for i, item in enumerate(items):
        if item is not UNSET and item is not None:   # a hole writes nothing
            _desc(yt, item, out)
        if i != last:
            out += _SEP
    out += _RBRACK


def _table_entries(tv):
    """(index list, yield value) pairs in the table's iteration order."""
    return tv.data.values()


def _table_desc(t: Type, tv, out: bytearray) -> None:
    tt = tv.ttype if not tv.ttype.unspecified else t
    _type_desc(tt, out)
    out += _I32(len(tv.data))
    itypes = tt.indices or []
    is_set = tt.yield_ is None
    for entry in _table_entries(tv):
        index, value = entry[0], entry[1]
        dim = len(index)
        out += _I32(dim)
        # LISTDESC: the index list rebuilt from the hash key, an impure
        # TypeList of the components' (declared) types, then the values.
        types = [_dyn_type(itypes[j] if j < len(itypes) else ANY, index[j])
                 for j in range(dim)]
        _list_type_desc(types, out)
        out += _I32(dim)
        for j in range(dim):
            _desc(types[j], index[j], out)
        if not is_set:
            _desc(tt.yield_, value, out)


def _dyn_type(t: Type, v) -> Type:
    """The dynamic type of a value whose static type is t."""
    if isinstance(v, AnyVal):
        return _dyn_type(v.type, v.value)
    k = t.kind
    if k == "record":
        return v.rtype
    if k == "vector" and v.vtype.yield_ is not None:
        return v.vtype
    if k == "table" and not v.ttype.unspecified:
        return v.ttype
    return t


def _other_desc(t: Type, v, out: bytearray) -> None:
    """func, file, opaque, type, ...: hashing.md §4.10 leaves the value part
    unspecified; write the type and the value's name, as Bro's own
    describes do."""
    _type_desc(t, out)
    name = getattr(v, "name", None)
    if isinstance(name, str):
        out += _text(name)


def binary_desc(t: Type, v) -> bytes:
    """ODesc(DESC_BINARY) bytes of value v of static type t (`any` -> AnyVal)."""
    out = bytearray()
    _desc(t, v, out)
    return bytes(out)


# --------------------------------------------------------------------------
# hash functions

def fnv1a32_bytes(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def hrw_weight_num(key_digest: int, site_id: int) -> int:
    """hashing.md §5: two 32-bit LCG steps, the result taken mod 2^31."""
    d = key_digest & 0x7FFFFFFF
    s = site_id & 0xFFFFFFFF
    inner = (1103515245 * s + 12345) & 0xFFFFFFFF
    return (1103515245 * (inner ^ d) + 12345) & 0x7FFFFFFF


def _any_bytes(a: AnyVal) -> bytes:
    out = bytearray()
    _desc(a.type, a.value, out)
    return out


_STRING_TAG = b"\x08\x00\x00\x00"
_COUNT_TAG = b"\x03\x00\x00\x00"


# Every node of a simulated cluster hashes the same pool aliases
# ("worker-17.0", ...): a string seen before is not hashed byte by byte again.
@functools.lru_cache(maxsize=4096)
def _fnv1a32_seen(v: bytes) -> int:
    return fnv1a32_bytes(_STRING_TAG + _I32(len(v)) + v)


def _fnv1a32_string(v: bytes) -> int:
    if type(v) is bytes:
        return _fnv1a32_seen(v)
    return fnv1a32_bytes(_STRING_TAG + _I32(len(v)) + bytes(v))


def _fnv1a32_count(v: int) -> int:
    return fnv1a32_bytes(_COUNT_TAG + _U64(v & _M64))


# the two kinds of key pools hash most, without the general describer
_FNV_OF_KIND = {"string": _fnv1a32_string, "count": _fnv1a32_count}


def _fnv1a32_of_type(args):
    """fnv1a32 of an argument whose static type is known at the call: the
    value is described by that type, as the `any` box would carry it."""
    t = args[0][0]
    if t.kind == "any":
        return None
    fast = _FNV_OF_KIND.get(t.kind)
    if fast is not None:
        return fast
    return lambda v: fnv1a32_bytes(binary_desc(t, v))


@builtin("function fnv1a32(input: any): count", specialize=_fnv1a32_of_type)
def fnv1a32(ctx, input):
    fast = _FNV_OF_KIND.get(input.type.kind)
    if fast is not None:
        return fast(input.value)
    return fnv1a32_bytes(_any_bytes(input))


@builtin("function hrw_weight(key_digest: count, site_id: count): count", pure=hrw_weight_num)
def hrw_weight(ctx, key_digest, site_id):
    return hrw_weight_num(key_digest, site_id)


@builtin("function murmur3_32(input: any, seed: count &default=0): count")
def murmur3_32(ctx, input, seed=0):
    return mmh3.hash(bytes(_any_bytes(input)), seed & 0xFFFFFFFF, signed=False)


def arg_bytes(args):
    """The bytes the one-shot digests hash, one piece per argument
    (bifs/core-1.md §2): a string's raw bytes, else the binary description."""
    for a in args:
        t, v = a.type, a.value
        while isinstance(v, AnyVal):
            t, v = v.type, v.value
        yield v if t.kind == "string" else binary_desc(t, v)


def _digest(algo: str, args) -> bytes:
    """values.md §6.9: the lowercase hex digest of arg_bytes, as a string."""
    h = hashlib.new(algo)
    for piece in arg_bytes(args):
        h.update(piece)
    return h.hexdigest().encode("ascii")


@builtin("function md5_hash(...): string")
def md5_hash(ctx, args):
    return _digest("md5", args)


@builtin("function sha1_hash(...): string")
def sha1_hash(ctx, args):
    return _digest("sha1", args)


@builtin("function sha256_hash(...): string")
def sha256_hash(ctx, args):
    return _digest("sha256", args)


@builtin("function md5_hmac(...): string")
def md5_hmac(ctx, args):
    # Not RFC 2104: MD5(MD5(bytes) XOR K), K the MD5 key of the seed words
    # (bifs/core-1.md §2, values.md §3.1)
    from ..runtime import seeds
    inner = hashlib.md5(b"".join(arg_bytes(args))).digest()
    key = seeds.for_interp(ctx.interp).md5_key()
    return hashlib.md5(bytes(a ^ b for a, b in zip(inner, key))).hexdigest().encode("ascii")
