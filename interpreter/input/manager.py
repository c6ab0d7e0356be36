"""The input manager: streams, their readers, and how what a reader reports
becomes table changes and events (bifs/logging-input.md §2.1-§2.8).

Bro runs each reader in a thread and applies its messages between event
drains.  broscript runs the readers itself at the main-loop steps of the
deterministic schedule of §2.8 (`step()`), in stream creation order, and
applies every report as it is made.  `run_loop` is that main loop for a run
with `exit_only_after_terminate` (path C of language.md §5.3); without it,
the readers' work is applied once at shutdown (§2.8 item 2, `final()`).
"""
from __future__ import annotations

import struct
import time as _time

from ..errors import NoValue
from ..runtime import dictorder
from ..runtime.values import (UNSET, AnyVal, RecordVal, TableVal, VectorVal,
                              Subnet, addr_is_v4)
from ..runtime.ops import key_of, index_copy
from .checks import CheckFailed, check_event, check_table, field, plain
from .reader import MANUAL, ReaderInfo, reader_class


# ---------------------------------------------------------------- §2.5.4 key bytes

def value_bytes(v, kind: str, elem_kind=None) -> bytes:
    if kind in ("bool", "int"):
        return struct.pack("<q", int(v))
    if kind == "count":
        return struct.pack("<Q", v & 0xFFFFFFFFFFFFFFFF)
    if kind == "port":
        proto = {0: 0, 0x10000: 1, 0x20000: 2, 0x30000: 3}[v & 0x30000]
        return struct.pack("<Qi", v & 0xFFFF, proto)
    if kind in ("double", "time", "interval"):
        return struct.pack("<d", float(v))
    if kind == "string":
        return v + b"\0"
    if kind == "enum":
        return v.encode("latin-1") + b"\0"
    if kind == "addr":
        return _addr_bytes(v)
    if kind == "subnet":
        w = v.width - 96 if addr_is_v4(v.prefix) else v.width
        return _addr_bytes(v.prefix) + bytes([w & 0xFF])
    if kind in ("table", "vector"):
        return b"".join(value_bytes(e, elem_kind) for e in v if e is not UNSET)
    return b""


def _addr_bytes(a: int) -> bytes:
    if addr_is_v4(a):
        return (a & 0xFFFFFFFF).to_bytes(4, "big")
    return a.to_bytes(16, "big")


def line_bytes(fields, vals):
    """Concatenated column bytes, or None when no column is set (§2.5.4)."""
    out = bytearray()
    any_set = False
    for f, v in zip(fields, vals):
        if v is not UNSET:
            any_set = True
            out += value_bytes(v, f.kind, f.elem.kind if f.elem is not None else None)
        out.append(1)
    return bytes(out) if any_set else None


class _LineKeyType:
    """Stands in for a table type so a BroDict orders line keys by the hash
    of their bytes (§2.5.1 step 7)."""
    indices = ()
    _dictorder_kb = staticmethod(lambda vals: vals[0])


def new_line_dict():
    return dictorder.BroDict(_LineKeyType())


# ---------------------------------------------------------------- streams

class Stream:
    def __init__(self, mgr, kind, name, desc, plan, info):
        self.mgr = mgr
        self.kind = kind            # "table", "event", "analysis"
        self.name = name
        self.desc = desc
        self.plan = plan
        self.info = info
        self.reader = None
        self.opened = False
        self.updates = 0            # force_update requests not yet run
        self.removed = False
        self.failed = False
        self.failed_at = None       # the step in which the reader failed
        self.last = new_line_dict()
        self.cur = new_line_dict()


class Sink:
    """The ReaderSink of one stream: applies each report at once."""

    def __init__(self, mgr, s: Stream):
        self.mgr = mgr
        self.s = s

    def send_entry(self, values):
        self.mgr.reports += 1
        self.mgr.tracked(self.s, values)

    def end_current_send(self):
        self.mgr.reports += 1
        self.mgr.end_read(self.s)

    def put(self, values):
        self.mgr.reports += 1
        self.mgr.streamed(self.s, values)

    def delete(self, values):
        self.mgr.reports += 1
        self.mgr.streamed_delete(self.s, values)

    def clear(self):
        self.mgr.reports += 1
        t = self.s.plan.table
        if isinstance(t, TableVal):
            for k in list(t.data.keys()):
                del t.data[k]

    def end_of_data(self):
        self.mgr.reports += 1
        self.mgr.queue_end(self.s)

    def send_event(self, name, args):
        self.mgr.reports += 1
        self.mgr.send_event(self.s, name, args)

    def info(self, msg):
        self.mgr.reports += 1
        self.mgr.reader_message(self.s, "info", msg)

    def warning(self, msg):
        self.mgr.reports += 1
        self.mgr.reader_message(self.s, "warning", msg)

    def error(self, msg):
        self.mgr.reports += 1
        self.mgr.reader_message(self.s, "error", msg)

    def disable(self):
        self.mgr.reports += 1
        self.s.failed = True


class Env:
    def __init__(self, mgr):
        self.mgr = mgr
        self.heartbeat_interval = mgr.heartbeat_interval()

    def option(self, name):
        g = self.mgr.interp.globals.get(name)
        return None if g is None else plain(g.value)

    def options(self):
        # looking at a deferred declaration makes it, which re-enters its
        # names: walk a copy (as introspection.global_ids does)
        for g in list(self.mgr.interp.globals.values()):
            g.type
        return {n: g.type for n, g in list(self.mgr.interp.globals.items())
                if str(g.kind) == "option" and g.name == n}

    def now(self):
        return self.mgr.interp.runtime.network_time


class Manager:
    def __init__(self, interp):
        self.interp = interp
        self.streams: list = []
        self.last_heartbeat = None
        self.last_poll_wall = None
        self.reports = 0            # reader reports so far (step() tells output)
        self.steps = 0

    @property
    def rt(self):
        return self.interp.runtime

    def heartbeat_interval(self) -> float:
        g = self.interp.globals.get("Threading::heartbeat_interval")
        v = None if g is None else plain(g.value)
        return float(v) if isinstance(v, (int, float)) and v > 0 else 1.0

    def enum(self, full):
        return self.interp.lookup_enum(None, full)

    def find(self, name):
        for s in self.streams:
            if s.name == name:
                return s
        return None

    # ------------------------------------------------------------ BIFs (§2.2)
    def create(self, kind, desc) -> bool:
        name = plain(field(desc, "name")).decode("latin-1")
        rep = self.interp.reporter

        def err(msg):
            rep.write(f"error: {msg}")
            raise CheckFailed

        try:
            if kind == "table":
                plan = check_table(self.interp, desc, name, err)
            elif kind == "event":
                plan = check_event(self.interp, desc, name, err)
            else:
                plan = self.analysis_plan()
            if self.find(name) is not None:
                err(f"Trying create already existing input stream {name}")
        except CheckFailed:
            return False
        reader_enum = plain(field(desc, "reader"))
        mode = plain(field(desc, "mode"))
        mode_name = getattr(mode, "name", "Input::MANUAL").rsplit("::", 1)[-1]
        config = {k.decode("latin-1"): v.decode("latin-1")
                  for k, v in _string_table(field(desc, "config")).items()}
        info = ReaderInfo(plain(field(desc, "source")).decode("latin-1"), mode_name, config,
                          name, reader_enum.name)
        s = Stream(self, kind, name, desc, plan, info)
        cls = reader_class(reader_enum.name)
        if cls is None:
            rep.write(f"error: {info.reader_name}: reader not supported by broscript yet")
            return False
        s.reader = cls(info, plan.columns, Sink(self, s), Env(self))
        self.streams.append(s)
        return True

    def analysis_plan(self):
        from ..types import STRING
        from .checks import Plan
        from .reader import Field
        p = Plan()
        p.columns = [Field("bytestream", STRING)]
        return p

    def remove(self, name) -> bool:
        s = self.find(name)
        if s is None:
            return False
        if s.removed:
            self.interp.reporter.write(
                f"warning: Stream {name} is already queued for removal. Ignoring remove.")
            return True
        s.removed = True
        return True

    def force_update(self, name) -> bool:
        s = self.find(name)
        if s is None:
            self.interp.reporter.write(f"error: Stream {name} not found")
            return False
        if s.removed:
            self.interp.reporter.write(
                f"error: Stream {name} is already queued for removal. Ignoring force update.")
            return False
        s.updates += 1
        return True

    # ------------------------------------------------------------ the schedule (§2.8)
    def step(self, heartbeat: bool) -> bool:
        """One main-loop step (a): every stream's pending reader work, in
        creation order.  Returns whether any stream did something."""
        did = False
        now = self.rt.network_time
        self.steps += 1
        for s in list(self.streams):
            if s.failed_at is not None and s.failed_at < self.steps:
                # disabled in an earlier step: its name was taken until now
                self.close(s)
                did = True
                continue
            if not s.opened:
                s.opened = did = True
                self.run(s, "open")
            while s.updates and not s.failed:
                s.updates -= 1
                did = True
                self.run(s, "update")
            if heartbeat and not s.removed and not s.failed and s.info.mode != MANUAL:
                self.run(s, "heartbeat", now)
            if s.failed:
                # a reader error disables the stream as Input::remove would:
                # queued for removal now, closed at the next step (§2.7, §2.2)
                if s.failed_at is None:
                    s.failed_at = self.steps
                    s.removed = True
                did = True
            elif s.removed:
                self.close(s)
                did = True
        return did

    def run(self, s, what, *args):
        if s.failed:
            return
        try:
            ok = getattr(s.reader, what)(*args)
        except OSError as ex:
            s.reader.sink.error(str(ex))
            ok = False
        if ok is False:
            if what == "open":
                self.reader_message(s, "error", "Init failed")
            self.reader_message(s, "error", "terminating thread")
            s.failed = True

    def close(self, s):
        try:
            s.reader.close()
        finally:
            if s in self.streams:
                self.streams.remove(s)

    def polling(self) -> bool:
        return any(s.info.mode != MANUAL and not s.removed and not s.failed
                   for s in self.streams)

    def pending(self) -> bool:
        return any(not s.opened or s.updates or s.removed or s.failed for s in self.streams)

    def run_loop(self) -> bool:
        """Path C of language.md §5.3 with the schedule of §2.8: each
        iteration applies the readers' work, or else moves network time on
        to the next timer or heartbeat; then one drain; `terminate()` ends
        the run.  Time moves by the schedule, not by sleeping, so a run is
        deterministic and fast.  Bro would wait forever once nothing can
        happen any more (no timer, no event, no read for IDLE_POLLS polls);
        broscript then ends the run as path B does (returns False).
        Returns True when the run was shut down here."""
        rt = self.rt
        interval = self.heartbeat_interval()
        first = True
        idle = 0
        while True:
            now = rt.network_time
            hb = first or self.last_heartbeat is None or now - self.last_heartbeat >= interval
            if hb:
                self.last_heartbeat = now
                # a poll looks at files that other processes (a backgrounded
                # system()) change in real time: like Bro, poll no more than
                # once per heartbeat interval of wall clock (§2.8 item 4)
                if self.last_poll_wall is not None:
                    wait = self.last_poll_wall + interval - _time.time()
                    if wait > 0 and self.polling():
                        _time.sleep(wait)
                self.last_poll_wall = _time.time()
            first = False
            before = self.reports
            did = self.step(hb) or self.reports != before
            if not did:
                due = rt.due_timer()
                cands = [] if due is None else [due]
                if self.polling():
                    cands.append(self.last_heartbeat + interval)
                if not cands and not rt.queue:
                    return False
                if due is None and not rt.queue:
                    idle += 1
                    if idle > IDLE_POLLS:
                        return False
                else:
                    idle = 0
                if cands:
                    rt.fire_due(max(now, min(cands)))
            else:
                idle = 0
            rt.drain()
            if rt.terminate_requested:
                self.interp.reporter.write("received termination signal")
                rt.shutdown(True)
                return True

    def final(self):
        """A run without a main loop (§2.8 item 2): readers do their work once,
        during shutdown."""
        self.step(heartbeat=False)
        for s in list(self.streams):
            self.close(s)

    # ------------------------------------------------------------ messages (§2.7)
    def reader_message(self, s, level, msg):
        name = s.info.reader_name
        self.error_event(s, level, msg)
        if level == "info":
            self.interp.reporter.write(f"{name}: {msg}")
        else:
            self.interp.reporter.write(f"{level}: {name}: {msg}")
        if level == "error":
            s.failed = True

    def manager_warning(self, s, msg):
        self.error_event(s, "warning", msg)
        self.interp.reporter.write(f"warning: {msg}")

    def error_event(self, s, level, msg):
        ev = s.plan.error_ev
        if ev is None:
            return
        lvl = self.enum("Reporter::" + level.upper())
        self.rt.queue_event(ev.name, [s.desc, msg.encode("latin-1"), lvl])

    # ------------------------------------------------------------ values (§2.5.5)
    def to_val(self, s, v, t):
        """A threading value as a Bro value of type `t`; raises
        BadValue after reporting an unknown enum."""
        if v is UNSET:
            return UNSET
        k = t.kind
        if k == "enum":
            mod_name = v
            ev = t.values.get(mod_name) if hasattr(t, "values") else None
            if ev is None:
                self.manager_warning(s, f"Value '{v}' for stream '{s.name}' is not a valid enum.")
                raise BadValue
            return ev
        if k == "table":
            et = t.indices[0]
            tv = TableVal(t)
            for e in v:
                if e is UNSET:
                    continue
                x = self.to_val(s, e, et)
                tv.data[key_of([x])] = [[x], None]
            return tv
        if k == "vector":
            return VectorVal(t, [self.to_val(s, e, t.yield_) for e in v])
        if k == "subnet":
            return _masked(v)
        return v

    def record(self, s, rtype, vals, pos, skip_paths=None, path=()):
        """Build a record of `rtype` from the flat values starting at
        `pos`; returns (record, next pos).  Fields skipped at unrolling
        (§2.3, unsupported optional) stay unset."""
        rec = self.interp.compiler.records.new_record(rtype)
        paths = s.plan.paths
        for i, f in enumerate(rtype.fields):
            if f.type.kind == "record":
                sub, pos = self.record(s, f.type, vals, pos, skip_paths, path + (i,))
                rec.vals[i] = sub
                continue
            if pos >= len(paths) or paths[pos] != path + (i,):
                rec.vals[i] = UNSET
                continue
            v = self.to_val(s, vals[pos], f.type)
            pos += 1
            if v is UNSET:
                if not f.attrs.has("&default"):
                    rec.vals[i] = UNSET
            else:
                rec.vals[i] = v
        return rec, pos

    # ------------------------------------------------------------ table streams
    def convert_table(self, s, vals):
        """(index list, index record, value) of an entry; value None for sets."""
        p = s.plan
        idx_rec, pos = self.record(s, p.idx, vals, 0)
        index = list(idx_rec.vals)
        value = None
        if p.val is not None:
            vrec, _ = self.record(s, p.val, vals, p.num_idx)
            wr = plain(field(s.desc, "want_record")) is not False
            value = vrec if wr else vrec.vals[0]
        return index, idx_rec, value

    def call_pred(self, s, typ, idx_rec, value):
        p = s.plan
        args = [(None, self.enum(f"Input::{typ}")), (p.idx, idx_rec)]
        if p.val is not None:
            wr = plain(field(s.desc, "want_record")) is not False
            args.append((p.val if wr else p.val.fields[0].type, value))
        else:
            args.append((None, UNSET))
        params = p.pred.ftype.params
        out = []
        for i, (t, v) in enumerate(args):
            if i < len(params) and params[i].type.kind == "any" and t is not None \
                    and v is not UNSET and not isinstance(v, AnyVal):
                v = AnyVal(t, v)
            out.append(v)
        try:
            r = plain(self.rt.call(p.pred, out, None, None))
        except NoValue:
            return False
        return r is True

    def queue_ev(self, s, typ, idx_rec, value):
        p = s.plan
        if p.ev is None:
            return
        args = [s.desc, self.enum(f"Input::{typ}"), idx_rec]
        if p.val is not None:
            args.append(value)
        else:
            args.append(UNSET)
        self.rt.queue_event(p.ev.name, args)

    def tracked(self, s, vals):
        if s.kind == "event":
            return self.event_entry(s, vals)
        if s.kind == "analysis":
            return
        p = s.plan
        cols = p.columns
        kb = line_bytes(cols[:p.num_idx], vals[:p.num_idx])
        if kb is None:
            self.manager_warning(s, "Could not hash line. Ignoring")
            return
        vb = line_bytes(cols[p.num_idx:], vals[p.num_idx:]) if p.val is not None else None
        update = False
        old = s.last.get(kb)
        if old is not None:
            if p.val is None or old[1][0] == vb:
                del s.last[kb]
                s.cur[kb] = old
                return
            del s.last[kb]
            update = True
        try:
            index, idx_rec, value = self.convert_table(s, vals)
        except BadValue:
            return
        table = p.table
        if p.pred is not None:
            pidx = _copy(idx_rec)
            ok = self.call_pred(s, "EVENT_CHANGED" if update else "EVENT_NEW", pidx, value)
            if not ok:
                if update:
                    s.cur[kb] = old
                return
            index = list(pidx.vals)
        oldval = None
        key = key_of(index)
        if update:
            ent = table.data.get(key)
            oldval = ent[1] if ent is not None else None
        table.data[key] = [index_copy(index), value]
        s.cur[kb] = [[kb], (vb, index)]
        if p.ev is not None:
            ev_idx, _ = self.record(s, p.idx, vals, 0)
            if update:
                self.queue_ev(s, "EVENT_CHANGED", ev_idx, oldval)
            else:
                self.queue_ev(s, "EVENT_NEW", ev_idx, value)

    def end_read(self, s):
        if s.kind == "table":
            p = s.plan
            table = p.table
            for kb in list(s.last.keys()):
                ent = s.last.get(kb)
                index = ent[1][1]
                key = key_of(index)
                cur = table.data.get(key)
                value = cur[1] if cur is not None else None
                idx_rec = self.index_record(s, index)
                if p.pred is not None:
                    if not self.call_pred(s, "EVENT_REMOVED", _copy(idx_rec), value):
                        s.cur[kb] = ent
                        continue
                if p.ev is not None:
                    self.queue_ev(s, "EVENT_REMOVED", idx_rec, value)
                table.data.pop(key, None)
            s.last = s.cur
            s.cur = new_line_dict()
        self.queue_end(s)

    def index_record(self, s, index):
        rec = self.interp.compiler.records.new_record(s.plan.idx)
        for i, v in enumerate(index):
            rec.vals[i] = v
        return rec

    def queue_end(self, s):
        self.rt.queue_event("Input::end_of_data", [s.name.encode("latin-1"),
                                                   s.info.source.encode("latin-1")])

    def streamed(self, s, vals):
        if s.kind == "event":
            return self.event_entry(s, vals)
        if s.kind == "analysis":
            return
        p = s.plan
        try:
            index, idx_rec, value = self.convert_table(s, vals)
        except BadValue:
            return
        table = p.table
        key = key_of(index)
        ent = table.data.get(key)
        update = ent is not None and p.val is not None
        if p.pred is not None or p.ev is not None:
            if p.pred is not None:
                pidx = _copy(idx_rec)
                if not self.call_pred(s, "EVENT_CHANGED" if update else "EVENT_NEW", pidx, value):
                    return
                index = list(pidx.vals)
                key = key_of(index)
        table.data[key] = [index_copy(index), value]
        if update:
            self.queue_ev(s, "EVENT_CHANGED", idx_rec, ent[1])
        else:
            self.queue_ev(s, "EVENT_NEW", idx_rec, value)

    def streamed_delete(self, s, vals):
        if s.kind == "event":
            return self.event_entry(s, vals, "EVENT_REMOVED")
        p = s.plan
        try:
            index, idx_rec, value = self.convert_table(s, vals)
        except BadValue:
            return
        key = key_of(index)
        ent = p.table.data.get(key)
        if ent is None:
            return
        if p.pred is not None and not self.call_pred(s, "EVENT_REMOVED", _copy(idx_rec), ent[1]):
            return
        self.queue_ev(s, "EVENT_REMOVED", idx_rec, ent[1])
        p.table.data.pop(key, None)

    # ------------------------------------------------------------ event streams (§2.5.3)
    def event_entry(self, s, vals, typ="EVENT_NEW"):
        p = s.plan
        try:
            rec, _ = self.record(s, p.fields, vals, 0)
        except BadValue:
            return
        wr = plain(field(s.desc, "want_record")) is not False
        args = [s.desc, self.enum(f"Input::{typ}")]
        if wr:
            args.append(rec)
        else:
            args.extend(rec.vals)
        self.rt.queue_event(p.ev.name, args)

    def send_event(self, s, name, args):
        out = []
        for t, v in args:
            try:
                if t is not None and t.kind == "enum" and isinstance(v, str):
                    g = self.interp.globals.get(v)
                    ev = None if g is None else g.value
                    if ev is None or getattr(ev, "etype", None) is None:
                        self.manager_warning(s, f"Value '{v}' for stream '{s.name}' is not a valid enum.")
                        raise BadValue
                    out.append((ev.etype, ev))
                else:
                    out.append((t, self.to_val(s, v, t) if t is not None else v))
            except BadValue:
                self.interp.reporter.write(f"error: SendEvent for event {name} failed")
                return
        fv = self.interp.event_handler(name)
        if fv is None:
            self.interp.reporter.write(f"error: SendEvent for event {name} failed")
            return
        params = fv.ftype.params
        vals = []
        for i, (t, v) in enumerate(out):
            if i < len(params) and params[i].type.kind == "any" and t is not None:
                v = AnyVal(t, v)
            vals.append(v)
        self.rt.queue_event(name, vals)


# polls of an unchanged source, with nothing else left to happen, after
# which a path-C run that Bro would keep waiting in ends (run_loop)
IDLE_POLLS = 5


class BadValue(Exception):
    """An entry's value could not be made (message already reported)."""


def _masked(sn: Subnet) -> Subnet:
    w = sn.width
    mask = ((1 << 128) - 1) ^ ((1 << (128 - w)) - 1) if w else 0
    return Subnet(sn.prefix & mask, w)


def _copy(rec):
    return RecordVal(rec.rtype, list(rec.vals))


def _string_table(v) -> dict:
    v = plain(v)
    if v is UNSET or not isinstance(v, TableVal):
        return {}
    return {idx[0]: val for idx, val in v.data.values()}
