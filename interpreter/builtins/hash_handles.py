"""Incremental md5/sha1/sha256 handles (bifs/core-1.md §2 "Incremental hash
handles"): `opaque of md5` etc., valid from init until their first finish;
`copy()` clones the digest context."""
from __future__ import annotations

import hashlib

from ..runtime.values import OpaqueVal
from .bifutil import at_parse_time
from .registry import builtin


class HashState:
    """The state of one handle. `loc` is where the handle was made when that
    was a global initialiser, else None: Bro's errors about the handle name
    the object's location (`<no location>` for run-time values)."""
    __slots__ = ("h", "valid", "loc")

    def __init__(self, h, valid=True, loc=None):
        self.h = h
        self.valid = valid
        self.loc = loc

    def copy_opaque(self, ov) -> OpaqueVal:
        return OpaqueVal(ov.oname, HashState(self.h.copy(), self.valid, self.loc))


def _init(ctx, algo):
    loc = ctx.loc if at_parse_time(ctx) else None
    return OpaqueVal(algo, HashState(hashlib.new(algo), True, loc))


def _update(ctx, handle, data):
    st = handle.state
    if not st.valid:
        ctx.rt.reporter.error(
            "attempt to update an invalid opaque hash value (<no value description>)",
            st.loc or "<no location>")
        return False
    st.h.update(data)
    return True


def _finish(handle):
    st = handle.state
    if not st.valid:
        return b""
    st.valid = False
    return st.h.hexdigest().encode("ascii")


@builtin("function md5_hash_init(): opaque of md5")
def md5_hash_init(ctx):
    return _init(ctx, "md5")


@builtin("function sha1_hash_init(): opaque of sha1")
def sha1_hash_init(ctx):
    return _init(ctx, "sha1")


@builtin("function sha256_hash_init(): opaque of sha256")
def sha256_hash_init(ctx):
    return _init(ctx, "sha256")


@builtin("function md5_hash_update(handle: opaque of md5, data: string): bool")
def md5_hash_update(ctx, handle, data):
    return _update(ctx, handle, data)


@builtin("function sha1_hash_update(handle: opaque of sha1, data: string): bool")
def sha1_hash_update(ctx, handle, data):
    return _update(ctx, handle, data)


@builtin("function sha256_hash_update(handle: opaque of sha256, data: string): bool")
def sha256_hash_update(ctx, handle, data):
    return _update(ctx, handle, data)


@builtin("function md5_hash_finish(handle: opaque of md5): string")
def md5_hash_finish(ctx, handle):
    return _finish(handle)


@builtin("function sha1_hash_finish(handle: opaque of sha1): string")
def sha1_hash_finish(ctx, handle):
    return _finish(handle)


@builtin("function sha256_hash_finish(handle: opaque of sha256): string")
def sha256_hash_finish(ctx, handle):
    return _finish(handle)
