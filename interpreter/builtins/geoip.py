"""GeoIP (MaxMind DB) and geometry builtins (bifs/core-3.md §1.5, §4).

broscript behaves as a Bro 2.6 built with libmaxminddb: databases are read
with the `maxminddb` package.  Without one, lookups give Bro's empty results
and the one-time "Failed to open GeoIP ... database" builtin error."""
from __future__ import annotations

import math
import os
import weakref

from ..runtime.addrs import addr_to_str
from .netutil import c_string, fs, global_value, make_record, runtime_info
from .registry import builtin

_SYSTEM_DIRS = ("/usr/share/GeoIP", "/var/lib/GeoIP", "/usr/local/share/GeoIP",
                "/usr/local/var/GeoIP")


class _GeoState:
    def __init__(self):
        self.loc = None            # open maxminddb readers
        self.asn = None
        self.loc_error_done = False
        self.asn_error_done = False


_states: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _state(ctx) -> _GeoState:
    st = _states.get(ctx.interp)
    if st is None:
        st = _states[ctx.interp] = _GeoState()
    return st


def _open_db(ctx, path: str):
    """A reader, or None: a missing file silently, one that does not open
    with Bro's info line (§1.5)."""
    if not os.path.exists(fs(path)):
        return None
    # imported here, not at start-up: most runs never open a database and
    # the package costs about a tenth of a bare start (benchmarks/startup_bench.py)
    import maxminddb
    try:
        return maxminddb.open_database(path)
    except (OSError, ValueError, maxminddb.InvalidDatabaseError) as ex:
        runtime_info(ctx, f"Failed to open MaxMind DB: {path} [{_reason(ex)}]")
        return None


def _reason(ex) -> str:
    # libmaxminddb's MMDB_strerror for what the package reports
    if isinstance(ex, OSError):
        return "Error opening the specified MaxMind DB file"
    return "The MaxMind DB file contains invalid metadata"


def _candidates(ctx, names):
    d = global_value(ctx, "mmdb_dir", b"")
    out = []
    if d:
        out += [os.path.join(d.decode("latin-1"), n) for n in names]
    for n in names:
        out += [os.path.join(sd, n) for sd in _SYSTEM_DIRS]
    return out


def _find(ctx, names, failed_flag_name, st):
    for path in _candidates(ctx, names):
        existed = os.path.exists(fs(path))
        db = _open_db(ctx, path)
        if db is not None:
            return db
        if existed:
            # a file that fails to open makes the builtin error come again
            setattr(st, failed_flag_name, False)
    return None


def _no_db(ctx, failed_flag_name, what):
    """The builtin error for a database that is not there, once until a
    file that fails to open resets the flag (_find)."""
    st = _state(ctx)
    if not getattr(st, failed_flag_name):
        setattr(st, failed_flag_name, True)
        ctx.builtin_error(f"Failed to open GeoIP {what} database")


def _location_db(ctx):
    st = _state(ctx)
    if st.loc is None:
        st.loc = _find(ctx, ["GeoLite2-City.mmdb", "GeoLite2-Country.mmdb"],
                       "loc_error_done", st)
    return st.loc


def _asn_db(ctx):
    st = _state(ctx)
    if st.asn is None:
        st.asn = _find(ctx, ["GeoLite2-ASN.mmdb"], "asn_error_done", st)
    return st.asn


@builtin("function mmdb_open_location_db(f: string): bool")
def mmdb_open_location_db(ctx, f):
    db = _open_db(ctx, c_string(ctx, f))
    if db is None:
        return False
    _state(ctx).loc = db
    return True


@builtin("function mmdb_open_asn_db(f: string): bool")
def mmdb_open_asn_db(ctx, f):
    db = _open_db(ctx, c_string(ctx, f))
    if db is None:
        return False
    _state(ctx).asn = db
    return True


def _get(entry, *path):
    for p in path:
        if isinstance(entry, dict):
            entry = entry.get(p)
        elif isinstance(entry, list) and isinstance(p, int):
            entry = entry[p] if p < len(entry) else None
        else:
            return None
    return entry


def _lookup(db, a: int):
    ip = addr_to_str(a)
    try:
        return db.get(ip)
    except ValueError:
        # an IPv6 address in an IPv4-only database
        return None


@builtin("function lookup_location(a: addr): geo_location")
def lookup_location(ctx, a):
    db = _location_db(ctx)
    if db is None:
        _no_db(ctx, "loc_error_done", "location")
        return make_record(ctx, "geo_location")
    entry = _lookup(db, a)
    fields = {}
    for name, path, conv in (("country_code", ("country", "iso_code"), _str),
                             ("region", ("subdivisions", 0, "iso_code"), _str),
                             ("city", ("city", "names", "en"), _str),
                             ("latitude", ("location", "latitude"), _float),
                             ("longitude", ("location", "longitude"), _float)):
        v = conv(_get(entry, *path))
        if v is not None:
            fields[name] = v
    return make_record(ctx, "geo_location", **fields)


def _str(v):
    return v.encode("utf-8") if isinstance(v, str) else None


def _float(v):
    return float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else None


@builtin("function lookup_asn(a: addr): count")
def lookup_asn(ctx, a):
    db = _asn_db(ctx)
    if db is None:
        _no_db(ctx, "asn_error_done", "ASN")
        return 0
    v = _get(_lookup(db, a), "autonomous_system_number")
    return v if isinstance(v, int) and not isinstance(v, bool) and v >= 0 else 0


# Bro's constants, not the exact ones (bifs/core-3.md §4 haversine_distance)
_PI = 3.14159
_RADIUS = 3958.8


@builtin("function haversine_distance(lat1: double, long1: double, lat2: double, long2: double): double")
def haversine_distance(ctx, lat1, long1, lat2, long2):
    s1 = math.sin((lat2 - lat1) * _PI / 360)
    s2 = math.sin((long2 - long1) * _PI / 360)
    a = s1 * s1 + math.cos(lat1 * _PI / 180) * math.cos(lat2 * _PI / 180) * s2 * s2
    try:
        return 2 * _RADIUS * math.asin(math.sqrt(a))
    except ValueError:
        return math.nan
