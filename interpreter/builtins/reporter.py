"""reporter.bif (bifs/strings-reporter-misc.md §3): messages on stderr in
Bro's reporter format, the reporter_* events, and weirds with their
per-name sampling (whitelist, threshold, rate, duration)."""
from __future__ import annotations

import re
import weakref
from pathlib import Path

from ..errors import ScriptExit
from ..runtime.describe import escape_print
from ..runtime.values import TableVal
from ..types import STRING, TableType
from .registry import builtin


def parsing(ctx) -> bool:
    """Global initializers run before network time is first set (values.md §6.6)."""
    return ctx.rt.network_time == 0.0


def _global(ctx, name, default):
    gid = ctx.interp.globals.get(name)
    v = getattr(gid, "value", None) if gid is not None else None
    return default if v is None else v


# --------------------------------------------------------------------- messages
_TO_STDERR = {"reporter_info": "Reporter::info_to_stderr",
              "reporter_warning": "Reporter::warnings_to_stderr",
              "reporter_error": "Reporter::errors_to_stderr"}


def message_text(ctx, msg: bytes) -> str:
    """The message as a C string (§1.3): one with a NUL is reported first,
    at the same place, and replaced."""
    if b"\x00" in msg:
        esc = escape_print(msg).decode("latin-1")
        err = f'string with embedded NUL: "{esc}"'
        ctx.rt.reporter.write(f"error in {ctx.loc}: {err}")
        _event(ctx, "reporter_error", err, str(ctx.loc))
        return "<string-with-NUL>"
    return msg.decode("latin-1")


def direct_in_initializer(ctx, name) -> bool:
    """Bro 2.6's Reporter::info/warning/error/fatal read the caller's frame,
    which a global initializer does not have: called there directly (not
    through a script function) they crash Bro (§3.1).  We say so instead."""
    if parsing(ctx) and ctx.rt.depth == 0:
        ctx.builtin_error(f"{name} called directly in a global initializer; Bro 2.6 would crash here")
        return True
    return False


def report(ctx, prefix: str, event: str, msg: bytes):
    """One reporter line (§3.1) and, once bro_init's drain has begun and
    outside the reporter_* handlers, its event."""
    text = message_text(ctx, msg)
    loc = str(ctx.loc) if ctx.loc is not None else ""
    head = f"{prefix} in {loc}" if prefix and loc else (prefix or loc)
    rt = ctx.rt
    # the *_to_stderr switches are read once parsing is over (§3.1)
    if parsing(ctx) or _global(ctx, _TO_STDERR[event], True):
        rt.reporter.write(f"{head}: {text}" if head else text)
    if prefix == "error" and parsing(ctx):
        rt.reporter.errors += 1          # a start-up error: exit 1 after parsing (§1.1)
    _event(ctx, event, text, loc)


def _event(ctx, event, text, loc):
    ctx.rt.reporter_event(event, text, loc or None)


@builtin("function Reporter::info(msg: string): bool")
def reporter_info(ctx, msg):
    if direct_in_initializer(ctx, "Reporter::info"):
        return False
    report(ctx, "", "reporter_info", msg)
    return True


@builtin("function Reporter::warning(msg: string): bool")
def reporter_warning(ctx, msg):
    if direct_in_initializer(ctx, "Reporter::warning"):
        return False
    report(ctx, "warning", "reporter_warning", msg)
    return True


@builtin("function Reporter::error(msg: string): bool")
def reporter_error(ctx, msg):
    if direct_in_initializer(ctx, "Reporter::error"):
        return False
    report(ctx, "error", "reporter_error", msg)
    return True


@builtin("function Reporter::fatal(msg: string): bool")
def reporter_fatal(ctx, msg):
    if direct_in_initializer(ctx, "Reporter::fatal"):
        return False
    # always on stderr, no event; then C exit(1): stdout flushed, no bro_done
    ctx.rt.reporter.write(f"fatal error in {ctx.loc}: {message_text(ctx, msg)}")
    raise ScriptExit(1)


# --------------------------------------------------------------------- weirds
class WeirdState:
    """What Bro's Reporter keeps for weirds of one process."""

    def __init__(self):
        self.loaded = False
        self.whitelist: set = set()
        self.threshold = 0
        self.rate = 0
        self.duration = 0.0
        self.total = 0
        self.by_type: dict = {}
        self.net_counts: dict = {}
        self.flow_counts: dict = {}


_STATE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def weird_state(ctx) -> WeirdState:
    """The four Weird::sampling_* options are copied in once, after parsing;
    during parsing the settings are empty/0 (§3 get_weird_sampling_*)."""
    st = _STATE.get(ctx.rt)
    if st is None:
        st = _STATE[ctx.rt] = WeirdState()
    if not st.loaded and not parsing(ctx):
        st.loaded = True
        wl = _global(ctx, "Weird::sampling_whitelist", None)
        st.whitelist = set(wl.data) if isinstance(wl, TableVal) else set()
        st.threshold = _global(ctx, "Weird::sampling_threshold", 25)
        st.rate = _global(ctx, "Weird::sampling_rate", 1000)
        st.duration = float(_global(ctx, "Weird::sampling_duration", 600.0))
    return st


class ResetTimer:
    """The timer that forgets a name's (or an address pair's) weird count
    `duration` after its first weird (§3 Reporter::net_weird).  It is a
    pending timer like any other, so a run that saw a weird ends by Path B
    (language.md §5.3); on a simulated clock it fires when time passes it
    but, like log rotation, does not by itself move the clock."""
    __slots__ = ("rt", "counts", "key")

    def __init__(self, rt, counts, key):
        self.rt = rt
        self.counts = counts
        self.key = key

    def expire_timer(self, terminating):
        self.rt.housekeeping_timers -= 1
        self.counts.pop(self.key, None)

    @staticmethod
    def start(ctx, st, counts, key):
        rt = ctx.rt
        rt.add_trigger_timer(rt.network_time + st.duration, ResetTimer(rt, counts, key))
        rt.housekeeping_timers = getattr(rt, "housekeeping_timers", 0) + 1


def _permitted(ctx, st: WeirdState, counts: dict, key, name: bytes, timer=True) -> bool:
    """Bro's sampling (§3 Reporter::net_weird); the first count of a key
    starts its reset timer."""
    if name in st.whitelist:
        return True
    n = counts[key] = counts.get(key, 0) + 1
    if n == 1 and timer:
        ResetTimer.start(ctx, st, counts, key)
    if n <= st.threshold:
        return True
    return st.rate != 0 and (n - st.threshold) % st.rate == 0


def _count(st: WeirdState, name: bytes):
    st.total += 1
    st.by_type[name] = st.by_type.get(name, 0) + 1


def _raise(ctx, event, args):
    if ctx.rt.drained:
        ctx.rt.queue_event(event, args)


@builtin("function Reporter::net_weird(name: string): bool")
def net_weird(ctx, name):
    st = weird_state(ctx)
    _count(st, name)
    if _permitted(ctx, st, st.net_counts, name, name):
        _raise(ctx, "net_weird", [name])
    return True


@builtin("function Reporter::flow_weird(name: string, orig: addr, resp: addr): bool")
def flow_weird(ctx, name, orig, resp):
    st = weird_state(ctx)
    _count(st, name)
    pair = st.flow_counts.get((orig, resp))
    if pair is None and name not in st.whitelist:
        # one count map, and one reset timer, per address pair (§3 flow_weird)
        pair = st.flow_counts[(orig, resp)] = {}
        ResetTimer.start(ctx, st, st.flow_counts, (orig, resp))
    if name in st.whitelist or _permitted(ctx, st, pair, name, name, timer=False):
        _raise(ctx, "flow_weird", [name, orig, resp])
    return True


@builtin('function Reporter::conn_weird(name: string, c: connection, addl: string &default=""): bool',
         lazy=True)
def conn_weird(ctx, name, c, addl):
    # Every connection record of a packet-free run is script-built: Bro 2.6
    # dereferences its missing connection object and crashes (§1.4)
    ctx.builtin_error("Reporter::conn_weird: connection record without a live connection; "
                      "Bro 2.6 would crash here")
    return False


def _string_set(ctx, names) -> TableVal:
    t = getattr(ctx.desc, "type", None)
    out = TableVal(t if t is not None and t.kind == "table" else TableType([STRING], None))
    for n in names:
        out.data[n] = [[n], None]
    return out


@builtin("function Reporter::get_weird_sampling_whitelist(): string_set")
def get_weird_sampling_whitelist(ctx):
    return _string_set(ctx, weird_state(ctx).whitelist)


@builtin("function Reporter::set_weird_sampling_whitelist(weird_sampling_whitelist: string_set): bool")
def set_weird_sampling_whitelist(ctx, wl):
    weird_state(ctx).whitelist = set(wl.data)
    return True


@builtin("function Reporter::get_weird_sampling_threshold(): count")
def get_weird_sampling_threshold(ctx):
    return weird_state(ctx).threshold


@builtin("function Reporter::set_weird_sampling_threshold(weird_sampling_threshold: count): bool")
def set_weird_sampling_threshold(ctx, n):
    weird_state(ctx).threshold = n
    return True


@builtin("function Reporter::get_weird_sampling_rate(): count")
def get_weird_sampling_rate(ctx):
    return weird_state(ctx).rate


@builtin("function Reporter::set_weird_sampling_rate(weird_sampling_rate: count): bool")
def set_weird_sampling_rate(ctx, n):
    weird_state(ctx).rate = n
    return True


@builtin("function Reporter::get_weird_sampling_duration(): interval")
def get_weird_sampling_duration(ctx):
    # a plain double, not an IntervalVal: print shows 600.0 (§3)
    return float(weird_state(ctx).duration)


@builtin("function Reporter::set_weird_sampling_duration(weird_sampling_duration: interval): bool")
def set_weird_sampling_duration(ctx, d):
    weird_state(ctx).duration = float(d)
    return True


# --------------------------------------------------------------------- unused handlers
_CORE_EVENTS = None
_BIF_EVENT = re.compile(r"^global ([A-Za-z_][A-Za-z_0-9:]*): event\(", re.M)


def core_events() -> set:
    """The events Bro's core raises: those its .bif files declare (our
    library's base/bif/), and net_done, which Bro's event.bif declares and
    our init-bare does."""
    global _CORE_EVENTS
    if _CORE_EVENTS is None:
        from importlib import resources
        names = {"net_done"}
        root = Path(str(resources.files("broscript.scripts"))) / "base" / "bif"
        for f in root.rglob("*.bif.bro"):
            names.update(_BIF_EVENT.findall(f.read_text(encoding="latin-1")))
        _CORE_EVENTS = names
    return _CORE_EVENTS

def warn_unused_event_handlers(interp):
    """With `check_for_unused_event_handlers = T`, after parsing: one
    warning for each event that has a handler body but is never generated.
    Generated are the events that an `event` statement or a `schedule`
    names anywhere in the scripts (the checker's events_generated) and the
    events declared in .bif files, which Bro's core raises itself.  Bro
    walks its handler registry in hash order; we sort by name."""
    gid = interp.globals.get("check_for_unused_event_handlers")
    if gid is None or gid.value is not True:
        return
    used = interp.events_generated | core_events()
    unused = []
    for name, g in list(interp.globals.items()):
        v = g.value
        ft = getattr(v, "ftype", None)
        if ft is None or ft.flavor != "event" or not getattr(v, "bodies", None) or name in used:
            continue
        if v.name != name:
            continue        # another name of the same event (zeek_init for bro_init)
        unused.append(name)
    for name in sorted(unused):
        interp.reporter.warning(f"event handler never invoked: {name}", None)
