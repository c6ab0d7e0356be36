"""What compiled code and builtins share at run time: table keys, copying,
fresh values, arithmetic conversions, and the step budget's charges for
sizes the script chooses (values.md §4-§5).  The closures that compiled
code is made of are built in compiler/."""
from __future__ import annotations

import math

from ..errors import BroFatal
from .values import UNSET, AnyVal, OpaqueVal, RecordVal, TableVal, VectorVal, to_count, to_int, Subnet
from ..types import Kind as K

M64 = 0xFFFFFFFFFFFFFFFF


def key_of(vals):
    """Hashable key for an index list (values stored by value, values.md §5.2)."""
    if len(vals) == 1:
        return scalar_key(vals[0])
    return tuple(scalar_key(v) for v in vals)


def scalar_key(v):
    if isinstance(v, RecordVal):
        return ("R",) + tuple(scalar_key(x) for x in v.vals)
    if isinstance(v, AnyVal):
        return scalar_key(v.value)
    if isinstance(v, (VectorVal, TableVal)):
        return id(v)
    if isinstance(v, float):
        return float(v)
    return v


def index_copy(vals):
    return [deep_copy(v) if isinstance(v, RecordVal) else v for v in vals]


# ---------------------------------------------------------------- copy
_MUTABLE = (RecordVal, VectorVal, TableVal, AnyVal)


def deep_copy(v, active=None):
    """copy(v) (values.md §5.6): a deep copy in which sharing inside v is
    not preserved, each path to a shared value getting its own copy.  A
    value that contains itself (records that reach each other through
    `redef record`) cannot be unshared that way: `active` maps each value
    being copied on the current path to its copy, so the copy has the same
    cycle (the spec is silent on cycles; this is the only finite reading)."""
    if isinstance(v, OpaqueVal):
        # Bro copies an opaque through serialization (bifs/core-1.md §2,
        # bifs/probabilistic-broker.md §2): a state says how by its
        # copy_opaque(), which gives the whole new value (hash and entropy
        # handles, Broker data and store handles, probabilistic
        # structures); one that has none is shared
        c = getattr(v.state, "copy_opaque", None)
        return c(v) if c is not None else v
    if not isinstance(v, _MUTABLE):
        return v
    if active is None:
        active = {}
    else:
        hit = active.get(id(v))
        if hit is not None:
            return hit
    if isinstance(v, RecordVal):
        out = RecordVal(v.rtype, [])
        active[id(v)] = out
        out.vals = [deep_copy(x, active) for x in v.vals]
    elif isinstance(v, VectorVal):
        out = VectorVal(v.vtype)
        active[id(v)] = out
        out.items = [deep_copy(x, active) for x in v.items]
    elif isinstance(v, TableVal):
        out = TableVal(v.ttype, v.default, v.attrs)
        active[id(v)] = out
        # re-inserted in the source's order (values.md §3.4)
        out.data.fill((k, [list(e[0]), deep_copy(e[1], active)]) for k, e in v.data.items())
    else:
        out = AnyVal(v.type, None)
        active[id(v)] = out
        out.value = deep_copy(v.value, active)
    del active[id(v)]
    return out


# ---------------------------------------------------------------- coercion
def truncate(d: float) -> int:
    """double -> integral truncates (values.md §4.1); inf and NaN give what
    x86's cvttsd2si gives, the 'integer indefinite' -2^63."""
    return int(d) if math.isfinite(d) else -(1 << 63)


def arith_conv(sk: str, dk: str):
    """The conversion of an arithmetic value of kind `sk` to kind `dk`
    (values.md §4.1), or None when there is none to make."""
    if sk == dk:
        return None
    if dk in (K.DOUBLE, K.TIME):
        return float
    wrap = to_count if dk == K.COUNT else to_int
    if sk == K.DOUBLE:
        return lambda v: wrap(truncate(v))
    return wrap


def retype(v, t):
    if isinstance(v, VectorVal) and v.vtype.yield_ is None:
        v.vtype = t
    return v


def retype_container(v, t):
    if isinstance(v, TableVal) and v.ttype.indices is None:
        v.ttype = t
    elif isinstance(v, VectorVal) and v.vtype.yield_ is None:
        v.vtype = t
    return v


def addr_in(addr, sn: Subnet):
    w = sn.width
    mask = ((1 << 128) - 1) ^ ((1 << (128 - w)) - 1) if w else 0
    return (addr & mask) == sn.prefix


# ---------------------------------------------------------------- budget
def spend(rt, n, loc):
    """Work in proportion to a size the script chose (new vector slots, a
    filled string) costs a step per unit: --max-steps bounds memory as well
    as time (Budget)."""
    budget = rt.budget
    budget.left -= n
    if budget.left < 0:
        budget.exceeded(loc)


def allocate(rt, n, loc, make):
    """make() a value of n units the script asked for, paid as n steps; a
    size beyond memory is Bro's fatal 'out of memory' (its std::vector and
    std::string throw bad_alloc or length_error), not a Python error."""
    spend(rt, n, loc)
    try:
        return make()
    except (MemoryError, OverflowError):
        raise BroFatal("out of memory", loc) from None


def grow(rt, items, n, loc):
    """Append n holes to a vector's items (values.md §5.3)."""
    allocate(rt, n, loc, lambda: items.extend([UNSET] * n))



def loop_keys(tv, static):
    """The indices a one-index `for` over `tv` walks.  A set that reached
    its variable through `any` may hold other index types than the
    variable declares (Bro's config framework walks any set as a
    `set[bool]`): Bro's loop variable then holds the real values, so here
    each comes wrapped with its real type, which `cat` and other `any`
    parameters honour (values.md §5)."""
    keys = [e[0][0] for e in list(tv.data.values())]
    real = tv.ttype
    if real is static or real.indices is None or static.indices is None:
        return keys
    rt, st = real.indices[0], static.indices[0]
    if rt is st or rt.kind == st.kind or rt.kind == K.ANY:
        return keys
    return [AnyVal(rt, k) for k in keys]


def to_any(t, v):
    """`v` of static type `t` put into an `any` slot; a value that already
    carries its real type (loop_keys) keeps it."""
    return v if isinstance(v, AnyVal) else AnyVal(t, v)
