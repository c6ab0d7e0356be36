"""`when` statements as Bro's triggers (bifs/core-3.md §1.3).

A `when` makes a Trigger: its condition is evaluated at once on a deep copy
of the frame.  An asynchronous builtin (the DNS lookups) called while a
condition is evaluated starts its work and raises WhenPending, which
abandons the evaluation without a value or a message.  Its answer is cached
in the trigger for that call site, and the trigger is queued; queued
triggers are evaluated again at the end of every event-queue drain
(Runtime.drain), in the order they were queued, and then the call returns the
cached value.  When the condition is true the body runs (on that frame copy)
and the timeout timer is cancelled; when the timer fires first, the timeout
block runs instead.

`return when` inside a function called from a condition: the function's
call is abandoned the same way; the inner trigger's body (or timeout block)
gives the function's value, which is cached in the outer trigger for the
call of that function, and the outer trigger is queued.
"""
from __future__ import annotations

from ..errors import ExprError, NoValue
from .values import UNSET

_MISSING = object()


class WhenPending(Exception):
    """An asynchronous call started: the condition has no value yet."""


class Trigger:
    __slots__ = ("cond", "body", "timeout_body", "frame", "cache", "timer",
                 "done", "parent", "parent_call", "timed", "watching")

    def __init__(self, cond, body, timeout_body, frame, timed=False):
        self.cond = cond
        # whether the `when` has a timeout: Broker store queries refuse to
        # run in one without (bifs/probabilistic-broker.md §4)
        self.timed = timed
        self.body = body
        self.timeout_body = timeout_body
        self.frame = frame
        self.cache: dict = {}           # call node -> value
        self.timer = None               # the heap entry of the timeout timer
        self.done = False
        self.parent = None              # for `return when`: the trigger and
        self.parent_call = None         # the call whose value this gives
        self.watching: list = []        # the objects whose changes queue it


def copy_frame(f):
    # Bro clones the frame deeply: aggregates in locals are copied, globals
    # are shared (§1.3 step 1)
    from .ops import deep_copy      # ops imports the runtime, which imports us
    out = []
    for v in f:
        try:
            out.append(deep_copy(v))
        except NoValue:
            # a value the serializer cannot copy (a closed Broker store
            # handle, bifs/probabilistic-broker.md §4 "Handle value": the
            # error is reported) is no value in the copy
            out.append(UNSET)
    return out


class Triggers:
    """The triggers of one Runtime."""

    def __init__(self, rt):
        self.rt = rt
        self.pending: list = []
        self.current = None             # the trigger whose condition runs
        self.calls: list = []           # script calls made inside conditions
        # how asynchronous lookups answer, fixed at start-up as Bro's DNS
        # manager mode is (§1.3 "Answer modes"): a later setenv changes nothing
        self.dns_fake = b"BRO_DNS_FAKE" in rt.interp.environ

    # ------------------------------------------------------------ watching
    def watch(self, t, ids):
        """Bro's Trigger::Init: the condition's global identifiers, and the
        tables they hold now, queue the trigger when they change (an
        assignment to the global; an entry added, replaced or removed,
        also by expiration).  Records and vectors are not watched."""
        for gid in ids:
            _watch(gid, self, t)
            data = getattr(gid.value, "data", None)
            if data is not None and isinstance(data, dict):
                _watch(data, self, t)

    def modified(self, data):
        """A table's entries changed outside a script statement (expiry)."""
        _notify(data)

    def queue(self, triggers):
        for t in list(triggers):
            if not t.done and t not in self.pending:
                self.pending.append(t)

    # ------------------------------------------------------------ creation
    def when(self, cond, body, timeout, timeout_body, is_return, f, watch=()):
        rt = self.rt
        parent = None
        if is_return:
            parent = self.current
            if parent is None or not self.calls:
                rt.reporter.error("return trigger in context which does not allow "
                                  "delaying result", None)
                return
        t = Trigger(cond, body, timeout_body, copy_frame(f), timeout is not None)
        if parent is not None:
            t.parent = parent
            t.parent_call = self.calls[-1]
        if watch:
            self.watch(t, watch)
        # the timeout interval is taken before the first evaluation
        delay = timeout(f) if timeout is not None else None
        if not self.eval(t) and delay is not None and not t.done:
            t.timer = rt.add_trigger_timer(rt.network_time + float(delay), t)
        if parent is not None:
            # the function's frame is delayed: its call has no value yet
            raise WhenPending

    def modified(self, value):
        """A watched value changed (placeholder until watching is wired)."""

    # ------------------------------------------------------------ evaluation
    def eval(self, t) -> bool:
        if t.done:
            return True
        f = copy_frame(t.frame)
        prev_current, prev_calls = self.current, self.calls
        self.current, self.calls = t, []
        try:
            ok = t.cond(f)
        except (WhenPending, NoValue):
            return False
        except ExprError as ex:
            # reported; Bro disables the trigger: neither its body nor its
            # timeout block will run
            self.rt.expr_error(ex)
            t.done = True
            _unwatch(t)
            return False
        finally:
            self.current, self.calls = prev_current, prev_calls
        if not ok:
            return False
        self.finish(t, t.body, f)
        return True

    def finish(self, t, stmts, f):
        t.done = True
        _unwatch(t)
        if t.timer is not None:
            self.rt.cancel_timer(t.timer)
            t.timer = None
        if stmts is not None:
            try:
                stmts(f)
            except NoValue:
                pass
            except ExprError as ex:
                self.rt.expr_error(ex)
        if t.parent is not None:
            value = f[0]
            if value is not UNSET:
                self.answer(t.parent, t.parent_call, value)

    def answer(self, t, call, value):
        """An asynchronous result for `call` in trigger `t` (§1.3 step 2)."""
        if t.done:
            return
        t.cache[call] = value
        if t not in self.pending:
            self.pending.append(t)

    def cached(self, call):
        """The cached value of `call` in the trigger being evaluated, or
        _MISSING."""
        t = self.current
        return _MISSING if t is None else t.cache.get(call, _MISSING)

    def evaluate_pending(self):
        """At the end of a drain (§1.3 step 3); triggers queued meanwhile wait
        for the next drain."""
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        for t in batch:
            self.eval(t)

    def timeout(self, t):
        if t.done:
            return
        t.timer = None
        self.finish(t, t.timeout_body, copy_frame(t.frame))


MISSING = _MISSING


# ---------------------------------------------------------------- watching
# The watched objects, by id: [object, the Triggers, the triggers watching].
# A watched object's class is swapped for a subclass that reports changes,
# so nothing else pays for watching.
_WATCHED: dict = {}
_CLASSES: dict = {}


def _notify(obj):
    w = _WATCHED.get(id(obj))
    if w is not None and w[0] is obj:
        w[1].queue(w[2])


def _watch(obj, triggers, t):
    w = _WATCHED.get(id(obj))
    if w is None or w[0] is not obj:
        cls = obj.__class__
        watched = _CLASSES.get(cls)
        if watched is None:
            watched = _CLASSES[cls] = _watched_class(cls)
        obj.__class__ = watched
        w = _WATCHED[id(obj)] = [obj, triggers, []]
    if t not in w[2]:
        w[2].append(t)
        t.watching.append(obj)


def _unwatch(t):
    for obj in t.watching:
        w = _WATCHED.get(id(obj))
        if w is None or w[0] is not obj:
            continue
        if t in w[2]:
            w[2].remove(t)
        if not w[2]:
            del _WATCHED[id(obj)]
            obj.__class__ = obj.__class__.__bases__[0]
    t.watching = []


def _watched_class(cls):
    """A subclass of `cls` with its layout (so objects can switch to it)
    whose changes call _notify: a dict's stores and removals, or another
    object's `value` (a global identifier)."""
    if issubclass(cls, dict):
        def setitem(self, key, ent):
            cls.__setitem__(self, key, ent)
            _notify(self)

        def delitem(self, key):
            cls.__delitem__(self, key)
            _notify(self)

        def clear(self):
            cls.clear(self)
            _notify(self)

        def rewritten(self, key):
            again = getattr(cls, "rewritten", None)
            if again is not None:
                again(self, key)
            _notify(self)
        ns = {"__slots__": (), "__setitem__": setitem, "__delitem__": delitem,
              "clear": clear, "rewritten": rewritten}
    else:
        slot = next(k.__dict__["value"] for k in cls.__mro__ if "value" in k.__dict__)

        def set_value(self, v):
            slot.__set__(self, v)
            _notify(self)
        ns = {"__slots__": (), "value": property(slot.__get__, set_value)}
    return type("Watched" + cls.__name__, (cls,), ns)
