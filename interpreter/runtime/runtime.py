"""The running interpreter: reporter, printing, calls, the event queue and
timers (language.md §5)."""
from __future__ import annotations

import sys
import time as _time

from ..errors import BroFatal, ExprError, NoValue
from .values import UNSET
from .triggers import MISSING, Triggers
from .expiry import SWEEP
from .files import hooked_print

# the control signals a compiled statement returns (None: go on); the
# one definition, for ops, compiler and codegen
BREAK, NEXT, FALL, RETURN = 1, 2, 3, 4
# Bro has no limit of its own (it overflows the C stack and dies); ours ends
# a runaway recursion with one fatal error at the innermost call, exit 1.
MAX_CALL_DEPTH = 10000
# broscript's own guard, not Bro's: the same warning line is printed at most
# this many times in a run; Reporter.finish() says how many were left out.
MAX_SAME_WARNING = 100


class Reporter:
    """All messages leave here, in Bro's format (language.md §6.1)."""

    def __init__(self, err=None):
        self.err = err or sys.stderr
        self.errors = 0
        self.written = 0                # lines written (memo.py: a clean load writes none)
        self.warnings: dict = {}     # warning line -> times written

    def write(self, line: str):
        self.written += 1
        if line.startswith("warning"):
            n = self.warnings[line] = self.warnings.get(line, 0) + 1
            if n > MAX_SAME_WARNING:
                return
        self.err.write(line + "\n")
        self.err.flush()

    def finish(self):
        """At the end of a run: one line for each warning left out."""
        for line, n in self.warnings.items():
            if n > MAX_SAME_WARNING:
                self.err.write(f"warning: {n - MAX_SAME_WARNING} more of the same warning "
                               f"left out: {line}\n")
                self.warnings[line] = MAX_SAME_WARNING
        self.err.flush()

    def parse_error(self, msg, loc):
        self.errors += 1
        self.write(f"error in {loc}: {msg}" if loc else f"error: {msg}")

    def error(self, msg, loc):
        self.write(f"error in {loc}: {msg}" if loc else f"error: {msg}")

    def warning(self, msg, loc):
        self.write(f"warning in {loc}: {msg}" if loc else f"warning: {msg}")


REPORTER_EVENTS = ("reporter_info", "reporter_warning", "reporter_error")


class Budget:
    """--max-steps / --timeout: every loop iteration, call and event costs a
    step; when the budget is spent the run ends with a fatal error that says
    where the script was.  A timeout empties the budget from a timer thread."""
    __slots__ = ("left", "limit", "reason")

    def __init__(self, limit=None):
        self.limit = limit
        self.left = limit if limit is not None else float("inf")
        self.reason = None

    def exceeded(self, loc):
        from ..errors import BroFatal
        if self.reason is None:
            self.reason = f"step limit of {self.limit} exceeded (--max-steps)"
        raise BroFatal(self.reason, loc)

    def expire(self, seconds):
        self.reason = f"time limit of {seconds:g} seconds exceeded (--timeout)"
        # -inf: a loop giving back the steps it did not use cannot undo it
        self.left = float("-inf")


class Body:
    __slots__ = ("fn", "priority", "nslots", "order", "inits")

    def __init__(self, fn, priority, nslots, order, inits=()):
        self.fn = fn
        self.priority = priority
        self.nslots = nslots
        self.order = order
        self.inits = inits


class Runtime:
    def __init__(self, interp, out=None, err=None, site_text=str, callee_text=lambda desc: None):
        self.interp = interp
        # renders a call site (the `desc` the compiler hands to call() and
        # to builtins) as messages show it: the front end's render.expr_text,
        # passed in so that the running program imports nothing of it
        self.site_text = site_text
        self.callee_text = callee_text
        self.out = out or sys.stdout.buffer
        self.reporter = interp.reporter
        self.queue: list = []
        self.timers: list = []     # binary heap per language.md §5.4
        self.network_time = 0.0
        self.terminating = False
        self.depth = 0
        self.budget = Budget()
        # The Broker endpoint of this process (cluster/endpoint.py): a lone
        # one, or a node of a simulated cluster.
        self.endpoint = None
        self.remote = False          # inside handlers of an event from a peer
        # (function name, call location, call expression) of each script
        # function being run, innermost last
        self.call_sites: list = []
        self.terminate_requested = False
        # Bro raises reporter_* events only once the first drain has begun
        # (bifs/strings-reporter-misc.md §3.1), and none while one of their
        # handlers runs: the event being dispatched tells
        self.drained = False
        self.dispatching = None
        # what get_event_stats/get_timer_stats report (bifs/strings-reporter-misc.md §5)
        self.events_queued = self.events_dispatched = 0
        self.timers_max = self.timers_total = 0
        self.triggers = Triggers(self)  # `when` (bifs/core-3.md §1.3)
        self.print_hook = None          # the print_hook event, see start()

    # ------------------------------------------------------------ messages
    def error(self, msg, loc, desc=None):
        msg = f"{msg} ({desc})" if desc is not None else msg
        self.reporter.error(msg, loc)
        self.reporter_event("reporter_error", msg, loc)

    def expr_error(self, ex: ExprError):
        if getattr(ex, "runtime", False):
            # a builtin's runtime error (bifs/probabilistic-broker.md, vocabulary)
            self.reporter.write(f"runtime error in {ex.loc}: {ex.msg}")
            return
        self.reporter.write(f"expression error in {ex.loc}: {ex.msg} [{ex.desc}]")
        self.reporter_event("reporter_error", f"{ex.msg} [{ex.desc}]", ex.loc)

    def reporter_event(self, event, msg: str, loc):
        """Each reporter message raises reporter_info/_warning/_error once
        the first drain has begun, but none from inside those handlers; `t`
        is 0.0 without packets (bifs/strings-reporter-misc.md §3.1)."""
        cur = self.dispatching
        if not self.drained or (cur is not None and cur.name in REPORTER_EVENTS):
            return
        where = str(loc) if loc is not None else ""
        self.queue_event(event, [0.0, msg.encode("latin-1", "replace"), where.encode("latin-1", "replace")])

    # ------------------------------------------------------------ printing
    def print_values(self, types, vals):
        if self.print_hook is not None:
            return hooked_print(self, None, types, vals)
        from .describe import describe
        parts = [describe(t, v, "print") for t, v in zip(types, vals)]
        self.out.write(b", ".join(parts) + b"\n")

    def print_to_file(self, fv, types, vals):
        if self.print_hook is not None and fv.hook:
            return hooked_print(self, fv, types, vals)
        from .describe import describe
        if fv.raw:
            data = b"".join(describe(t, v, "rawfile") for t, v in zip(types, vals))
        else:
            data = b", ".join(describe(t, v, "print") for t, v in zip(types, vals)) + b"\n"
        if fv.fh is None:
            self.out.write(data)
        else:
            fv.fh.write(data)

    # ------------------------------------------------------------ calls
    def call(self, fv, args, loc, desc):
        if fv is UNSET or fv is None:
            raise NoValue
        if fv.builtin is not None:
            ft = fv.ftype
            if ft.varargs:
                n = len(ft.params)
                args = list(args[:n]) + [list(args[n:])]
            return fv.builtin(CallContext(self, loc, desc), *args)
        if not fv.bodies:
            self.error("value used but not set", loc, self.callee_text(desc) or fv.name)
            raise NoValue
        body = fv.bodies[0]
        # inside a `when` condition a call may already have its value from a
        # `return when` (bifs/core-3.md §1.3)
        trig = self.triggers.current
        if trig is not None:
            v = trig.cache.get(desc, MISSING)
            if v is not MISSING:
                return v
            self.triggers.calls.append(desc)
        budget = self.budget
        budget.left -= 1
        if budget.left < 0:
            budget.exceeded(loc)
        # slot 0 is the return value, the parameters follow
        frame = [UNSET, *args]
        frame += [UNSET] * (body.nslots - len(frame))
        depth = self.depth = self.depth + 1
        if depth > MAX_CALL_DEPTH:
            self.depth -= 1
            raise BroFatal(f"call depth exceeded ({self.site_text(desc)})", loc)
        sites = self.call_sites
        sites.append((fv.name, loc, desc))
        try:
            # the inits are the body's first statement (Bro's InitStmt): a
            # failing &default of a local record unwinds the body
            if body.inits:
                for slot, make in body.inits:
                    frame[slot] = make()
            body.fn(frame)
        except ExprError as ex:
            self.expr_error(ex)
            frame[0] = UNSET
        finally:
            self.depth -= 1
            if trig is not None:
                self.triggers.calls.pop()
            sites.pop()
        ret = frame[0]
        if ret is UNSET:
            if fv.ftype.ret is not None:
                self.reporter.write(f"warning: non-void function returns without a value: {fv.name}")
                self.reporter_event("reporter_warning",
                                    f"non-void function returns without a value: {fv.name}", None)
                raise NoValue
            return None
        return ret

    def run_bodies(self, fv, args, hook=False):
        """Run every body of an event or hook (language.md §5.5)."""
        budget = self.budget
        budget.left -= 1
        if budget.left < 0:
            budget.exceeded(None)
        for body in fv.bodies:
            frame = [UNSET] * body.nslots
            frame[1:1 + len(args)] = args
            try:
                for slot, make in body.inits:
                    frame[slot] = make()
                sig = body.fn(frame)
            except ExprError as ex:
                self.expr_error(ex)
                continue
            except NoValue:
                continue
            if hook and sig == BREAK:
                return False
        return True

    def run_hook(self, fv, args):
        return self.run_bodies(fv, args, hook=True)

    # ------------------------------------------------------------ events
    def queue_event(self, name, args, remote=False):
        fv = self.interp.event_handler(name)
        if fv is None:
            return
        # an event that is auto-published is dispatched even without a
        # handler of its own (cluster.md §4.6)
        if not fv.bodies and not (self.endpoint is not None and self.endpoint.publishes(fv)):
            return
        self.queue.append((fv, args, remote))
        self.events_queued += 1

    def drain(self):
        """At most two rounds per drain (language.md §5.2).  Returns the
        number of events dispatched."""
        n = 0
        self.drained = True
        for _ in range(2):
            if not self.queue:
                break
            batch, self.queue = self.queue, []
            n += len(batch)
            for fv, args, remote in batch:
                self.dispatch(fv, args, remote)
        # Bro's Drain evaluates the queued `when` triggers last (§1.3 step 3)
        if self.triggers.pending:
            self.triggers.evaluate_pending()
        return n

    def dispatch(self, fv, args, remote):
        ep = self.endpoint
        if not remote and ep is not None and ep.auto_topics:
            ep.auto_publish(fv, args)       # before the local handlers run
        self.remote = remote
        self.dispatching = fv
        try:
            self.run_bodies(fv, args)
        finally:
            self.remote = False
            self.dispatching = None
            self.events_dispatched += 1

    def process_queue(self, limit):
        """A live node's main loop drains until nothing is queued (cluster.md
        §6.3).  Returns how many events ran; stops once `limit` is passed."""
        n = 0
        while self.queue and n <= limit:
            n += self.drain()
        return n

    def schedule(self, name, args, when):
        if self.terminating:
            return
        heap_push(self.timers, (when, name, args))
        self.timers_total += 1
        self.timers_max = max(self.timers_max, len(self.timers))

    def fire_timers(self):
        while self.timers:
            when, name, args = heap_pop(self.timers)
            self._expire(name, args)

    def _expire(self, name, args):
        if name is None:
            expire = getattr(args, "expire_timer", None)
            if expire is not None:
                # a timer of the runtime's own, e.g. a log writer's rotation
                # (logging/rotation.py): told whether Bro is terminating
                expire(self.terminating)
                return
            # a `when` timeout runs its block at once (bifs/core-3.md §1.3)
            self.triggers.timeout(args)
        elif name is SWEEP:
            # a table's expiration sweep; none at shutdown (runtime/expiry.py)
            if not self.terminating:
                args.sweep(self.network_time)
        else:
            self.queue_event(name, args)

    def add_table_timer(self, when, expiry):
        entry = (when, SWEEP, expiry)
        heap_push(self.timers, entry)
        self.timers_total += 1
        self.timers_max = max(self.timers_max, len(self.timers))
        return entry

    def add_trigger_timer(self, when, trigger):
        entry = (when, None, trigger)
        heap_push(self.timers, entry)
        self.timers_total += 1
        self.timers_max = max(self.timers_max, len(self.timers))
        return entry

    def cancel_timer(self, entry):
        """Bro's PriorityQueue::Remove: the entry moves to the top with the
        lowest time and is popped, so the others keep their order."""
        h = self.timers
        for i, e in enumerate(h):
            if e is entry:
                break
        else:
            return
        h[i] = (float("-inf"), None, None)
        sift_up(h, i)
        heap_pop(h)

    # ------------------------------------------------------------ main sequence
    def run(self, top_level):
        """Start-up, top-level statements, event queue, shutdown (§5.1, §5.3)."""
        self.start(top_level, _time.time())
        self.drain()
        if self.keeps_running():
            # input streams: Path C with the readers' schedule
            # (bifs/logging-input.md §2.8); it ends as Path B when nothing
            # can happen any more
            im = getattr(self.interp, "input_manager", None)
            if im is not None and im.streams:
                if im.run_loop():
                    return
            else:
                self.main_loop()
                return
        # Path B when timers are pending, else Path A; a waiting `when`
        # has its timeout timer (runtime/triggers.py)
        self.shutdown(bool(self.timers))

    def keeps_running(self) -> bool:
        gid = self.interp.globals.get("exit_only_after_terminate")
        return gid is not None and gid.value is True

    def main_loop(self):
        """Path C (language.md §5.3) without I/O sources: until terminate(),
        each iteration drains once (two rounds); the first at the start-up
        time [core.recursive-event], each later one after the timers due.
        Bro sleeps until the wall clock reaches the next timer; broscript
        moves its clock straight to it, as --simulate's virtual clock does,
        so the run gives the same output at once and the same on every run.
        With no event queued and no timer left nothing can happen any more:
        where Bro would wait for a signal, broscript ends as if it came.
        Then Bro's termination: an info line (also a reporter_info event)
        and Path B from its step 2."""
        first = True
        while not self.terminate_requested:
            if first:
                first = False
            elif self.queue:
                self.fire_due(self.network_time)
            else:
                due = self.due_timer()
                if due is None:
                    break
                self.fire_due(max(due, self.network_time))
            self.drain()
        self.reporter.write("received termination signal")
        self.reporter_event("reporter_info", "received termination signal", None)
        self.shutdown(True)

    def start(self, top_level, now):
        """Network time is set, bro_init queued, top-level statements run."""
        self.network_time = now
        # a print_hook handler makes every print call it (bifs/core-3.md §1.2)
        hook = self.interp.event_handler("print_hook")
        self.print_hook = hook if hook is not None and hook.bodies else None
        self.queue_event("bro_init", [])
        if top_level is not None:
            frame = [UNSET] * self.interp.top_scope.nslots
            try:
                top_level(frame)
            except ExprError as ex:
                self.expr_error(ex)
        # one bro_script_loaded per file read, after the top-level
        # statements (language.md §5.1 step 6; policy/misc/loaded-scripts)
        fv = self.interp.event_handler("bro_script_loaded")
        if fv is not None and fv.bodies:
            for display, level in self.interp.loaded_scripts:
                self.queue_event("bro_script_loaded", [display.encode("latin-1"), level])

    def shutdown(self, net_done):
        """The end of a run: with `net_done`, Path B from its step 2, which is
        also how a node that was live ends (language.md §5.3 Path C);
        without, Path A from its step 1."""
        if net_done:
            # Bro's own init-bare gives net_done a body, so there is
            # always a drain here before net_done runs
            self.drain()
            handler = self.interp.event_handler("net_done")
            if handler is not None and handler.bodies:
                self.run_bodies(handler, [self.network_time])
            self.terminating = True
            self.fire_timers()
            self.drain()
            self.drain()
            self.drain()
        self.terminating = True
        self.drain()
        self.queue_event("bro_done", [])
        self.drain()
        self.drain()
        self.drain()
        # then the log writers end, writing their footers (bifs/logging-input.md §1.7)
        for hook in getattr(self.interp, "at_shutdown", ()):
            hook()
        # without a main loop the readers' work is applied only now and
        # its events run in one last drain (bifs/logging-input.md §2.8 item 2)
        im = getattr(self.interp, "input_manager", None)
        if im is not None and im.streams:
            im.final()
            self.drain()

    def due_timer(self):
        """The time of the earliest pending timer, or None.  A table's
        sweep that can remove nothing (runtime/expiry.py) does not count:
        it would come back every table_expire_interval for ever, and a
        clock that jumps to the next timer (Path C here, --simulate) would
        never come to rest; it still runs when the clock passes it."""
        h = self.timers
        if not h:
            return None
        top = h[0]
        if top[1] is not SWEEP or top[2].can_expire():
            return top[0]
        live = [e[0] for e in h if e[1] is not SWEEP or e[2].can_expire()]
        return min(live) if live else None

    def fire_due(self, now):
        """Live mode: queue the events of every timer due at `now`, in heap order."""
        self.network_time = now
        while self.timers and self.timers[0][0] <= now:
            when, name, args = heap_pop(self.timers)
            self._expire(name, args)


class CallContext:
    """What a builtin sees of its call: location, rendering, the interpreter."""
    __slots__ = ("rt", "loc", "desc")

    def __init__(self, rt, loc, desc):
        self.rt = rt
        self.loc = loc
        self.desc = desc

    @property
    def interp(self):
        return self.rt.interp

    def builtin_error(self, msg, extra=None):
        loc, desc = self.loc, self.desc
        # A builtin `M::__f` called by its script wrapper `M::f` reports at
        # the user's call of the wrapper (bifs/probabilistic-broker.md,
        # vocabulary; Bro's Func.cc)
        name = self.rt.callee_text(desc)
        sites = self.rt.call_sites
        if name and "::__" in name and sites:
            outer, oloc, odesc = sites[-1]
            if outer == name.replace("::__", "::", 1):
                loc, desc = oloc, odesc
        d = self.rt.site_text(desc)
        if extra is not None:
            d = f"{d} and {extra}"
        self.rt.reporter.error(f"{msg} ({d})", loc)
        self.rt.reporter_event("reporter_error", f"{msg} ({d})", loc)
        if self.rt.network_time == 0.0:
            # while global initializers run, an error is a start-up error:
            # exit 1 once parsing is done (bifs/strings-reporter-misc.md §1.1)
            self.rt.reporter.errors += 1

    def call(self, fv, args):
        return self.rt.call(fv, args, self.loc, self.desc)


# Bro's timer queue is a binary heap without a tie-breaker (language.md §5.4).
def heap_push(h, item):
    h.append(item)
    sift_up(h, len(h) - 1)


def sift_up(h, i):
    """Move h[i] up while its parent is later (strictly: equal times stay)."""
    while i > 0:
        p = i >> 1
        if h[p][0] > h[i][0]:
            h[p], h[i] = h[i], h[p]
            i = p
        else:
            break


def heap_pop(h):
    top = h[0]
    last = h.pop()
    if h:
        h[0] = last
        i, n = 0, len(h)
        while True:
            l, r = 2 * i, 2 * i + 1
            if i == 0:
                l, r = 0, 1
            best = i
            cand = None
            if l < n and l != i:
                cand = l
            if r < n and (cand is None or h[r][0] < h[cand][0]):
                cand = r
            if cand is not None and h[cand][0] < h[best][0]:
                h[best], h[cand] = h[cand], h[best]
                i = cand
            else:
                break
    return top
