"""rand, srand, unique ids and syslog (bifs/core-1.md §3, §5). All draws
come from the run's one generator, runtime/seeds.py."""
from __future__ import annotations

import struct

from ..runtime import seeds
from .bifutil import c_string, reporter_warning
from .registry import builtin

_M64 = (1 << 64) - 1
_BASE62 = b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_UID_BUF = 20            # Bro renders ids into a 20-byte buffer (util.cc)
_UID_POOLS = 10000       # calculate_unique_id() refuses pools from here on
_POOL_SCRIPT = 10        # unique_id_from(n) uses pool n + 10
_POOL_DEFAULT = 2        # unique_id() (and unique_id_from(-8))
_POOL_CONN = 1           # where a refused pool number falls back to


@builtin("function rand(max: count): count")
def rand(ctx, max):
    r = seeds.for_interp(ctx.interp).draw()
    # double(max) * double(r) first, then / 2^31, truncated (bro.bif rand)
    return int(float(max) * float(r) / 2147483648.0)


@builtin("function srand(seed: count): any")
def srand(ctx, seed):
    seeds.for_interp(ctx.interp).srand(seed)
    return None


def base62_id(prefix: bytes, value: int) -> bytes:
    """Bro's uitoa_n into 20 bytes: the prefix, then base-62 digits least
    significant first, until the value is used up or the text has 19 bytes."""
    out = bytearray(prefix[:_UID_BUF - 1])
    if len(out) >= _UID_BUF - 1:
        return bytes(out)
    while True:
        out.append(_BASE62[value % 62])
        value //= 62
        if not value or len(out) >= _UID_BUF - 1:
            return bytes(out)


def unique_value(interp, pool: int) -> int:
    """The next 64-bit id of `pool` (bifs/core-1.md §5 pool model)."""
    s = seeds.for_interp(interp)
    state = s.uid_pools.get(pool)
    if state is None:
        if s.deterministic:
            instance = pool
        else:
            # Bro hashes host, pool, time, pid and one draw; we keep the
            # draw (it is visible in the sequence) and drop what would make
            # runs differ
            instance = (s.hash_key(struct.pack("<QQ", pool, s.draw())) + 1) & _M64
        state = s.uid_pools[pool] = [instance, 0]
    state[1] += 1
    return s.hash_key(struct.pack("<QQ", state[0] & _M64, state[1] & _M64))


def _unique_id(ctx, pool, prefix):
    prefix = c_string(ctx, prefix)
    return base62_id(prefix, unique_value(ctx.interp, pool))


@builtin("function unique_id(prefix: string): string")
def unique_id(ctx, prefix):
    return _unique_id(ctx, _POOL_DEFAULT, prefix)


@builtin("function unique_id_from(pool: int, prefix: string): string")
def unique_id_from(ctx, pool, prefix):
    p = (pool + _POOL_SCRIPT) & _M64
    if p >= _UID_POOLS:
        reporter_warning(ctx, "pool passed to calculate_unique_id() too large, using default")
        p = _POOL_CONN
    return _unique_id(ctx, p, prefix)


_syslog_open = False


@builtin("function syslog(s: string): any")
def syslog(ctx, s):
    # priority NOTICE, facility LOCAL5, identity "bro" (Reporter::Syslog)
    global _syslog_open
    import syslog as _sl
    s = c_string(ctx, s)
    if not _syslog_open:
        _sl.openlog("bro", 0, _sl.LOG_LOCAL5)
        _syslog_open = True
    _sl.syslog(_sl.LOG_NOTICE, s.decode("latin-1"))
    return None
