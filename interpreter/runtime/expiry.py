"""Table expiration: `&create_expire`, `&read_expire`, `&write_expire` and
`&expire_func` (language.md §1.4 attributes, §5.4 timers), as Bro 2.6's
TableVal does it.

* Every table value with an expiration attribute has one timer.  The first
  is due at time 1, that is at the first advance of the clock; each sweep
  then re-arms it `table_expire_delay` later when it stopped after
  `table_incremental_step` entries, else `table_expire_interval` later.
* A sweep walks the table in its dictionary order from where the last one
  stopped.  An entry whose stamp plus the timeout is before the sweep's time
  goes; with `&expire_func`, the function is called first with the table
  and the index, and a positive interval it returns keeps the entry that
  much longer (its stamp becomes `now - timeout + secs`).  If the function
  removed the entry itself, nothing more happens to it.
* Stamps are whole seconds (Bro keeps them as ints since the start of
  network time, which is 0 when no packets are read), taken from network
  time when the entry is written (kept on overwrite with `&create_expire`)
  and when it is read or tested with `in` (`&read_expire`).  An entry
  stamped 0, one written while the scripts were being read, never expires.
* When several expiration attributes are given, the last of read, write,
  create (in that order of Bro's checks) decides the timeout.
* Timers that fire at shutdown do not sweep (Bro's TableValTimer ignores a
  dispatch while terminating), so a packet-less run that does not keep
  running (`exit_only_after_terminate`) never expires an entry.
"""
from __future__ import annotations

from ..errors import ExprError, NoValue
from .dictorder import BroDict
from .values import UNSET

# the timer heap's marker for a table's sweep (Runtime._expire)
SWEEP = "<table expiration>"

_MODES = ("&read_expire", "&write_expire", "&create_expire")


def wants_expiry(attrs) -> bool:
    return attrs is not None and any(attrs.has(m) for m in _MODES)


class Expiry:
    """The expiration state of one table value."""
    __slots__ = ("rt", "tv", "mode", "timeout", "func", "stamps", "timer",
                 "walk", "pos")

    def __init__(self, rt, tv, mode, timeout, func):
        self.rt = rt
        self.tv = tv
        self.mode = mode            # "&read_expire" | "&write_expire" | "&create_expire"
        self.timeout = timeout      # fn() -> seconds, or None
        self.func = func            # fn() -> FuncVal, or None
        self.stamps: dict = {}      # key -> int seconds
        self.timer = None
        self.walk = None            # the keys of the sweep in progress
        self.pos = 0

    def can_expire(self) -> bool:
        """Whether a sweep could remove anything: an entry stamped 0 never
        goes."""
        return any(self.stamps.values())

    def stamp(self) -> int:
        return int(self.rt.network_time)

    def arm(self, when):
        rt = self.rt
        if self.timer is not None:
            rt.cancel_timer(self.timer)
        self.timer = rt.add_table_timer(when, self)

    # ------------------------------------------------------------ the sweep
    def sweep(self, now):
        """Bro's TableVal::DoExpire at time `now`."""
        self.timer = None
        rt = self.rt
        timeout = self.timeout_secs()
        if timeout is None:
            return
        data = self.tv.data
        if self.walk is None:
            self.walk = list(data.keys_in_order())
            self.pos = 0
        step = _global(rt, "table_incremental_step", 5000)
        walk, stamps = self.walk, self.stamps
        modified = False
        limited = False             # stopped after `step` entries
        i = 0
        while True:
            if i >= step:
                limited = step > 0
                break
            while self.pos < len(walk) and not dict.__contains__(data, walk[self.pos]):
                self.pos += 1           # removed since the sweep began
            if self.pos >= len(walk):
                break
            k = walk[self.pos]
            self.pos += 1
            i += 1
            stamp = stamps.get(k, 0)
            if stamp == 0 or stamp + timeout >= now:
                continue
            if self.func is not None:
                secs = self.call_func(dict.__getitem__(data, k)[0])
                if not dict.__contains__(data, k):
                    continue            # the function deleted it
                if secs > 0:
                    stamps[k] = int(rt.network_time - timeout + secs)
                    continue
            BroDict.pop(data, k, None)
            stamps.pop(k, None)
            modified = True
        if modified:
            rt.triggers.modified(data)
        if limited:
            self.arm(rt.network_time + _global(rt, "table_expire_delay", 0.01))
        else:
            self.walk = None
            self.arm(rt.network_time + _global(rt, "table_expire_interval", 10.0))

    def timeout_secs(self):
        if self.timeout is None:
            return None
        try:
            v = self.timeout()
        except (NoValue, ExprError):
            return None
        v = float(v)
        return v if v >= 0 else None

    def call_func(self, index) -> float:
        """Bro's CallExpireFunc: (table, index) with a one-part index passed
        bare; an error inside counts as 0 (the entry goes)."""
        rt = self.rt
        try:
            fv = self.func()
            arg = index[0] if len(index) == 1 else index
            v = rt.call(fv, [self.tv, arg], None, None)
        except (NoValue, ExprError) as ex:
            if isinstance(ex, ExprError):
                rt.expr_error(ex)
            return 0.0
        return float(v) if v is not None and v is not UNSET else 0.0


def _global(rt, name, fallback):
    gid = rt.interp.globals.get(name)
    v = getattr(gid, "value", UNSET)
    return fallback if v is UNSET else v


class ExpiringDict(BroDict):
    """The entries of a table with expiration: Bro's dictionary order, plus
    each entry's stamp kept up to date by reads and writes."""
    __slots__ = ("exp",)

    def get(self, key, default=None):
        ent = dict.get(self, key, default)
        if ent is not default and self.exp.mode == "&read_expire":
            self.exp.stamps[key] = self.exp.stamp()
        return ent

    def __contains__(self, key):
        if not dict.__contains__(self, key):
            return False
        if self.exp.mode == "&read_expire":
            self.exp.stamps[key] = self.exp.stamp()
        return True

    def __setitem__(self, key, ent):
        exp = self.exp
        old = exp.stamps.get(key) if dict.__contains__(self, key) else None
        BroDict.__setitem__(self, key, ent)
        if old is not None and exp.mode == "&create_expire":
            exp.stamps[key] = old
        else:
            exp.stamps[key] = exp.stamp()

    def __delitem__(self, key):
        BroDict.__delitem__(self, key)
        self.exp.stamps.pop(key, None)

    def clear(self):
        BroDict.clear(self)
        self.exp.stamps.clear()
        self.exp.walk = None

    def rewritten(self, key):
        """An existing entry's value was replaced in place: with
        `&write_expire` (and `&read_expire`) that is a new entry for Bro,
        stamped now."""
        exp = self.exp
        if exp.mode != "&create_expire":
            exp.stamps[key] = exp.stamp()


def attach(rt, tv, attrs, timeout, func):
    """Give table value `tv` its expiration: its entries move into an
    ExpiringDict (those already there are stamped now, 0 while the scripts
    are read) and its first sweep is due at time 1 (Bro's TableVal::
    SetAttrs: network time may not be set yet)."""
    if isinstance(tv.data, ExpiringDict):
        return tv.data.exp          # a constructor's own attributes came first
    mode = None
    for m in _MODES:
        if attrs.has(m):
            mode = m
    exp = Expiry(rt, tv, mode, timeout, func)
    old = tv.data
    new = ExpiringDict(old.ttype)
    new.exp = exp
    for k in old.keys_in_order():
        new[k] = dict.__getitem__(old, k)
    tv.data = new
    exp.arm(1.0)
    return exp


def copy_expiry(src, out):
    """copy() of a table with expiration: Bro's copy gets the attributes,
    so it expires on its own timer; its entries are new, stamped now."""
    exp = src.data.exp
    attach(exp.rt, out, src.attrs, exp.timeout, exp.func)



