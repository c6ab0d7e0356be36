"""Log rotation on broscript's clock (bifs/logging-input.md §1.6, §1.9.9).

Each writer with a non-zero rotation interval has one rotation timer in the
runtime's timer heap, so it orders with scheduled events as Bro's timer
manager orders them, and it counts as a pending timer for the shutdown path
(language.md §5.3: a run whose writer rotates ends by Path B).  When the
timer fires on the clock (a live or simulated node) the writer rotates with
`terminating = F` and the timer is armed again; when timers are expired at
shutdown it rotates with `terminating = T` and is not armed again.

Bro hands the rotation to the writer thread and calls the postprocessor when
the thread reports back; broscript does both at once, when the timer fires
(the deterministic model of §1.7)."""
from __future__ import annotations

import math
import re
import time as _time

from ..errors import NoValue
from ..runtime.values import UNSET, RecordVal

# the temporary name's date format is fixed in Bro (§1.6)
TMP_DATE = "%y-%m-%d_%H.%M.%S"

_BASE = re.compile(rb"\s*(\d{1,2}):(\d{1,2})")


def parse_base(text) -> float:
    """`log_rotate_base_time` as seconds after midnight, -1 for none (§1.6):
    strptime's `%H:%M`, which ignores what follows the minutes."""
    if not text:
        return -1
    m = _BASE.match(text)
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return int(m.group(2)) * 60 + int(m.group(1)) * 3600


def next_delta(now: float, interval: float, base: float) -> float:
    """Seconds from `now` to the next rotation (§1.6, Bro's calc_next_rotate)."""
    if base < 0:
        return math.floor(now / interval) * interval + interval - now
    lt = _time.localtime(int(now))
    startofday = _time.mktime((lt.tm_year, lt.tm_mon, lt.tm_mday, 0, 0, 0, 0, 0, -1))
    return startofday + base + math.ceil((now - startofday - base) / interval) * interval - now


class RotationTimer:
    """A timer-heap entry's payload: runtime.Runtime._expire calls
    expire_timer() with whether Bro is terminating."""
    __slots__ = ("rot", "writer", "rotate", "entry")

    def __init__(self, rot, writer, rotate):
        self.rot = rot
        self.writer = writer
        self.rotate = rotate
        self.entry = None

    def expire_timer(self, terminating: bool):
        rot = self.rot
        rot.rt.housekeeping_timers -= 1
        w = self.writer
        if w.timer is not self:
            return
        w.timer = None
        if self.rotate:
            rot.rotate(w, terminating)
        if not terminating:
            w.open_time = rot.rt.network_time
            rot.install(w)


class Rotation:
    """The rotation side of one log manager."""

    def __init__(self, mgr):
        self.mgr = mgr
        self.interp = mgr.interp
        self.rt = mgr.interp.runtime
        # timers that alone should not keep a simulated cluster's clock
        # moving (cluster/sim.py settle); reporter.py's weird timers count too
        self.rt.housekeeping_timers = getattr(self.rt, "housekeeping_timers", 0)

    def const(self, name, default):
        gid = self.interp.globals.get(name)
        v = getattr(gid, "value", None) if gid is not None else None
        return default if v is None or v is UNSET else v

    def install(self, w):
        """Bro's InstallRotationTimer: none while terminating; while network
        time is still 0 (a write from a global initializer) a timer at time 1
        that only arms the real one."""
        rt = self.rt
        if rt.terminating or not w.interval:
            return
        self.cancel(w)
        if rt.network_time == 0.0:
            t = RotationTimer(self, w, False)
            when = 1.0
        else:
            if not w.open_time:
                w.open_time = rt.network_time
            base = parse_base(self.const("log_rotate_base_time", b""))
            if base is None:
                rt.reporter.error("calc_next_rotate(): can't parse rotation base time", None)
                base = -1
            t = RotationTimer(self, w, True)
            delta = next_delta(rt.network_time, w.interval, base)
            if delta <= 0:
                # exactly on a boundary with a base time Bro's formula gives
                # 0 and its timer would fire and re-arm at the same instant
                # for ever; a simulated clock starts on midnight, so we take
                # the next boundary instead
                delta += w.interval
            when = rt.network_time + delta
        w.timer = t
        t.entry = rt.add_trigger_timer(when, t)
        rt.housekeeping_timers += 1

    def cancel(self, w):
        t = w.timer
        if t is None:
            return
        w.timer = None
        if t.entry is not None:
            self.rt.cancel_timer(t.entry)
            self.rt.housekeeping_timers -= 1

    def rotate(self, w, terminating: bool):
        """Bro's Manager::Rotate and FinishedRotation (§1.6)."""
        if w.dead or w.backend is None:
            return
        tmp = f"{w.path}-{_time.strftime(TMP_DATE, _time.localtime(int(w.open_time)))}"
        try:
            new_name = w.backend.rotate(tmp)
        except Exception as ex:      # WriterFailed or OSError from the writer
            self.mgr.fail(w, w.wname, w.path, ex)
            return
        if new_name is None:
            return
        self.postprocess(w, new_name, terminating)

    def postprocess(self, w, new_name: str, terminating: bool):
        rt = self.rt
        rtype = self.interp.globals.get("Log::RotationInfo")
        if rtype is None:
            return
        info = RecordVal(rtype.type, [w.writer, new_name.encode("latin-1"),
                                      w.path.encode("latin-1"), float(w.open_time),
                                      float(rt.network_time), bool(terminating)])
        fv = w.postprocessor
        if fv is None or fv is UNSET:
            g = self.interp.globals.get("Log::__default_rotation_postprocessor")
            fv = getattr(g, "value", None)
        if fv is None or fv is UNSET:
            fv = self.default_for(w.writer)
        if fv is None:
            return
        try:
            rt.call(fv, [info], None, None)
        except NoValue:
            pass

    def default_for(self, writer):
        """Log::default_rotation_postprocessors[writer], for a library that
        has no Log::__default_rotation_postprocessor."""
        table = self.const("Log::default_rotation_postprocessors", None)
        if table is None:
            return None
        for idx, val in table.data.values():
            if getattr(idx[0], "name", None) == writer.name:
                return val
        return None
