"""Broker data store builtins of store.bif (bifs/probabilistic-broker.md §4).

A master's data lives in the process's Broker core (one per interpreter,
kept after `close`); in a simulated cluster the cores of all nodes can see
each other's masters, so a clone on another node reads and writes its
master's data.  Modifications follow §4 "Modification semantics".

Queries (`exists`, `get`, ...) are answered synchronously inside the call
when Bro's main loop runs (§4 "When answers arrive").  Without the main
loop, or through a clone without master, nothing answers: the query raises
WhenPending, so its `when` is a pending trigger (runtime/triggers.py) whose
timeout block runs when its timer fires, at the latest at shutdown.
"""
from __future__ import annotations


from ..cluster.data import (Unconvertible, copy_data, empty_data, find, order_key, set_insert,
                            table_put, wrap_data)
from ..errors import NoValue
from ..runtime.triggers import WhenPending
from ..runtime.values import OpaqueVal, RecordVal
from .broker_data import _conv  # one conversion of a Bro value to Broker data, one error text
from .registry import builtin

M64 = (1 << 64) - 1


class Master:
    """A master store's contents: a Broker table of key -> value, and the
    keys' expiry times (§4 "Expiry")."""

    def __init__(self, name, backend, rt):
        self.name, self.backend, self.rt = name, backend, rt
        self.items: list = []        # [(key data, value data)] in Broker order
        self.expiry: dict = {}       # order_key(key) -> Broker-clock time

    def purge(self):
        """Keys whose expiry has come are gone.  Broker's clock is Bro's
        network time here (the simulated clock in a cluster)."""
        if not self.expiry:
            return
        now = self.rt.network_time
        for ok_, when in list(self.expiry.items()):
            if when <= now:
                del self.expiry[ok_]
                self.items = [e for e in self.items if order_key(e[0]) != ok_]

    def expire(self, k, e):
        """A successful operation replaces the key's expiry: none for 0, at
        once for a negative interval."""
        ok_ = order_key(k)
        if e == 0:
            self.expiry.pop(ok_, None)
        elif e < 0:
            self.expiry.pop(ok_, None)
            self.erase(k)
        else:
            self.expiry[ok_] = self.rt.network_time + e

    def index(self, k):
        self.purge()
        return find(self.items, k, key=lambda e: e[0])

    def get(self, k):
        i = self.index(k)
        return None if i < 0 else self.items[i]

    def put(self, k, v):
        table_put(self.items, k, v)

    def erase(self, k):
        i = find(self.items, k, key=lambda e: e[0])
        if i >= 0:
            del self.items[i]


class SQLiteMaster(Master):
    """A Broker::SQLITE master: its contents live in a file and survive the
    run (§4 "Master backends"; the file's layout is ours: one row per
    entry, key and value as JSON text).  The file is read as data only: a
    store file may come from anyone, and nothing in it can make us run
    code (never pickle); a row that is not what we write is left out."""

    def __init__(self, name, backend, rt, path):
        super().__init__(name, backend, rt)
        self.path = path
        import sqlite3
        self.items = []
        try:
            with sqlite3.connect(path) as db:
                db.execute("CREATE TABLE IF NOT EXISTS store (k TEXT, v TEXT)")
                rows = list(db.execute("SELECT k, v FROM store ORDER BY rowid"))
        except sqlite3.Error:
            return
        for k, v in rows:
            try:
                self.items.append((_from_json(k), _from_json(v)))
            except (TypeError, ValueError, KeyError, IndexError, RecursionError):
                continue

    def save(self):
        import sqlite3
        try:
            with sqlite3.connect(self.path) as db:
                db.execute("DELETE FROM store")
                db.executemany("INSERT INTO store VALUES (?, ?)",
                               [(_to_json(k), _to_json(v)) for k, v in self.items])
        except sqlite3.Error:
            pass


def _to_json(d) -> str:
    import json
    return json.dumps(_plain(d))


def _plain(d):
    """Data as JSON holds it: bytes as latin-1 text, a subnet as its two
    numbers (an opaque's in-process value stays behind)."""
    if d is None:
        return None
    kind, p = d
    if kind in ("vector", "set"):
        return [kind, [_plain(x) for x in p]]
    if kind == "table":
        return [kind, [[_plain(k), _plain(v)] for k, v in p]]
    if kind == "subnet":
        return [kind, [p.prefix, p.width]]
    if isinstance(p, bytes):
        return [kind, bytes(p).decode("latin-1")]
    return [kind, p]


# what each kind's payload is on disk
_JSON_KINDS = {"boolean": bool, "count": int, "integer": int, "real": (int, float),
               "string": str, "address": int, "port": int, "timestamp": int,
               "timespan": int, "enum value": str}


def _from_json(text):
    import json
    return _data(json.loads(text))


def _data(x):
    """Broker data back from _plain()'s form; ValueError for anything else."""
    if x is None:
        return None
    kind, p = x
    if kind in ("vector", "set"):
        return (kind, [_data(e) for e in p])
    if kind == "table":
        return (kind, [(_data(k), _data(v)) for k, v in p])
    if kind == "subnet":
        from ..runtime.values import Subnet
        prefix, width = p
        if type(prefix) is not int or type(width) is not int:
            raise ValueError(kind)
        return (kind, Subnet(prefix, width))
    want = _JSON_KINDS[kind]
    if not isinstance(p, want) or (want is int and type(p) is bool):
        raise ValueError(kind)
    if kind == "string":
        return (kind, p.encode("latin-1"))
    if kind == "real":
        return (kind, float(p))
    return (kind, p)


class Handle:
    """The state of an `opaque of Broker::Store`."""

    def __init__(self, name, core, clone=False):
        self.name, self.core, self.clone = name, core, clone

    def describe_opaque(self):
        return b"broker::store::{" + self.name.encode("latin-1") + b"}"

    def master(self):
        m = self.core.masters.get(self.name)
        if m is not None and not self.clone:
            return m
        if self.clone:
            return self.core.remote_master(self.name)
        return m

    def copy_opaque(self, ov):
        h = self.core.handles.get(self.name)
        if h is None:
            self.core.rt.reporter.error(f"failed to look up unserialized store handle {self.name}",
                                        None)
            raise NoValue
        return h


class Core:
    """The stores of one Broker endpoint."""

    def __init__(self, interp):
        self.interp = interp
        self.rt = interp.runtime
        self.masters: dict = {}      # name -> Master (kept after close)
        self.handles: dict = {}      # registered: name -> OpaqueVal

    def remote_master(self, name):
        ep = self.rt.endpoint
        sim = getattr(ep, "sim", None)
        if sim is None:
            return None
        for other in getattr(ep, "links", ()):
            core = getattr(other.interp, "_broker_core", None)
            if core is not None and name in core.masters:
                return core.masters[name]
        return None


def core_of(interp):
    c = getattr(interp, "_broker_core", None)
    if c is None:
        c = interp._broker_core = Core(interp)
    return c


def _register(ctx, name, make):
    core = core_of(ctx.interp)
    h = core.handles.get(name)
    if h is None:
        h = core.handles[name] = OpaqueVal("Broker::Store", make(core))
    return h


def _sqlite_path(options):
    try:
        p = options.vals[0].vals[0]
    except (AttributeError, IndexError):
        return None
    return p.decode("latin-1") if isinstance(p, bytes) and p else None


@builtin("function Broker::__create_master(id: string, b: BackendType, options: BackendOptions &default = BackendOptions()): opaque of Broker::Store", lazy=True)
def create_master(ctx, id, b, options=None):
    name = id.decode("latin-1")

    def make(core):
        if name not in core.masters:
            if b.name == "Broker::SQLITE":
                path = _sqlite_path(options) or name + ".sqlite"
                core.masters[name] = SQLiteMaster(name, b.name, core.rt, path)
            else:
                core.masters[name] = Master(name, b.name, core.rt)
        return Handle(name, core)
    return _register(ctx, name, make)


@builtin("function Broker::__create_clone(id: string, resync_interval: interval, stale_interval: interval, mutation_buffer_interval: interval): opaque of Broker::Store")
def create_clone(ctx, id, resync_interval, stale_interval, mutation_buffer_interval):
    name = id.decode("latin-1")
    core = core_of(ctx.interp)
    if name in core.masters and name not in core.handles:
        ctx.builtin_error("Failed to attach clone store (master_exists):")
        ctx.builtin_error(f"Could not create clone of Broker store '{name}'")
        raise NoValue
    return _register(ctx, name, lambda core: Handle(name, core, clone=True))


@builtin("function Broker::__is_closed(h: opaque of Broker::Store): bool")
def is_closed(ctx, h):
    # T while the store is registered: the reverse of its name (§4)
    return h.state.name in core_of(ctx.interp).handles


@builtin("function Broker::__close(h: opaque of Broker::Store): bool")
def close(ctx, h):
    return core_of(ctx.interp).handles.pop(h.state.name, None) is not None


@builtin("function Broker::__store_name(h: opaque of Broker::Store): string")
def store_name(ctx, h):
    return h.state.name.encode("latin-1")


# ---------------------------------------------------------------- queries
def _result(ctx, ok, d=None):
    g = ctx.interp.globals
    rt = g["Broker::QueryResult"].type
    status = g["Broker::SUCCESS" if ok else "Broker::FAILURE"].value
    res = wrap_data(ctx.interp, copy_data(d)) if ok else empty_data(ctx.interp)
    return RecordVal(rt, [status, res])


def _misuse(ctx):
    """§4 "The query protocol" 6.: a query outside a when condition, or in
    a when without a timeout, fails at once."""
    t = ctx.rt.triggers.current
    if t is None:
        ctx.builtin_error("Broker queries can only be called inside when-condition")
        return True
    if not t.timed:
        ctx.builtin_error("Broker queries must specify a timeout block")
        return True
    return False


def _loop_running(ctx):
    """Whether Bro's main loop would run and take up store answers (§4
    "When answers arrive"; language.md §5.3 path C): a simulated node,
    exit_only_after_terminate, or a Broker listen/peer."""
    ep = ctx.rt.endpoint
    if ep is not None and (ep.sim is not None or ep.listening or ep.requests):
        return True
    g = ctx.interp.globals.get("exit_only_after_terminate")
    return bool(g is not None and g.value is True)


def _answering(ctx, h):
    """The master that answers queries through `h`; a closed handle or a
    clone without a master never answers (§4), nor does anything while the
    main loop is not running: the when waits on, until it times out."""
    if not _loop_running(ctx):
        raise WhenPending
    st = h.state
    if st.name not in core_of(ctx.interp).handles and not st.clone:
        raise WhenPending
    m = st.master()
    if m is None:
        raise WhenPending
    return m


def _query_args(ctx, pairs):
    """A query's arguments converted to Broker data (as _args does), or None
    when the query is misused (_misuse) or an argument does not convert:
    the query then fails at once."""
    if _misuse(ctx):
        return None
    return _args(ctx, pairs)


@builtin("function Broker::__exists(h: opaque of Broker::Store, k: any): Broker::QueryResult", lazy=True)
def exists(ctx, h, k):
    a = _query_args(ctx, [(k, "key")])
    if a is None:
        return _result(ctx, False)
    key, = a
    m = _answering(ctx, h)
    return _result(ctx, True, ("boolean", m.get(key) is not None))


@builtin("function Broker::__get(h: opaque of Broker::Store, k: any): Broker::QueryResult", lazy=True)
def get(ctx, h, k):
    a = _query_args(ctx, [(k, "key")])
    if a is None:
        return _result(ctx, False)
    key, = a
    m = _answering(ctx, h)
    e = m.get(key)
    return _result(ctx, False) if e is None else _result(ctx, True, e[1])


@builtin("function Broker::__put_unique(h: opaque of Broker::Store, k: any, v: any, e: interval): Broker::QueryResult", lazy=True)
def put_unique(ctx, h, k, v, e):
    a = _query_args(ctx, [(k, "key"), (v, "value")])
    if a is None:
        return _result(ctx, False)
    key, val = a
    m = _answering(ctx, h)
    if m.get(key) is not None:
        return _result(ctx, True, ("boolean", False))
    m.put(key, val)
    m.expire(key, e)
    if isinstance(m, SQLiteMaster):
        m.save()
    return _result(ctx, True, ("boolean", True))


@builtin("function Broker::__get_index_from_value(h: opaque of Broker::Store, k: any, i: any): Broker::QueryResult", lazy=True)
def get_index_from_value(ctx, h, k, i):
    a = _query_args(ctx, [(k, "key"), (i, "index")])
    if a is None:
        return _result(ctx, False)
    key, idx = a
    m = _answering(ctx, h)
    e = m.get(key)
    if e is None:
        return _result(ctx, False)
    x = e[1]
    kind = x[0] if x is not None else "none"
    if kind == "vector":
        if idx is None or idx[0] not in ("count", "integer") or idx[1] < 0:
            ctx.rt.reporter.write("internal warning: unknown store response status: type_clash")
            raise WhenPending
        if idx[1] >= len(x[1]):
            return _result(ctx, False)
        return _result(ctx, True, x[1][idx[1]])
    if kind == "set":
        return _result(ctx, True, ("boolean", find(x[1], idx) >= 0))
    if kind == "table":
        j = find(x[1], idx, key=lambda t: t[0])
        return _result(ctx, False) if j < 0 else _result(ctx, True, x[1][j][1])
    return _result(ctx, True, x)


@builtin("function Broker::__keys(h: opaque of Broker::Store): Broker::QueryResult", lazy=True)
def keys(ctx, h):
    if _misuse(ctx):
        return _result(ctx, False)
    m = _answering(ctx, h)
    m.purge()
    return _result(ctx, True, ("set", [copy_data(k) for k, _ in m.items]))


# ---------------------------------------------------------------- modifications
def _apply(ctx, h, fn):
    """Send a modification: applied to the master if one is reachable,
    dropped otherwise (a clone without master, §4)."""
    m = h.state.master()
    if m is not None:
        fn(m)
        if isinstance(m, SQLiteMaster):
            m.save()
    return True


def _args(ctx, pairs):
    out = []
    for x, what in pairs:
        d = _conv(ctx, x, what)
        if d is Unconvertible:
            return None
        out.append(d)
    return out


@builtin("function Broker::__put(h: opaque of Broker::Store, k: any, v: any, e: interval): bool")
def put(ctx, h, k, v, e):
    a = _args(ctx, [(k, "key"), (v, "value")])
    if a is None:
        return False
    return _apply(ctx, h, lambda m: (m.put(a[0], a[1]), m.expire(a[0], e)))


@builtin("function Broker::__erase(h: opaque of Broker::Store, k: any): bool")
def erase(ctx, h, k):
    a = _args(ctx, [(k, "key")])
    if a is None:
        return False
    return _apply(ctx, h, lambda m: m.erase(a[0]))


_ZERO = {"count": ("count", 0), "integer": ("integer", 0), "real": ("real", 0.0),
         "timespan": ("timestamp", 0)}


def _add(m, k, a, init, exp=0):
    """add(k, a, init) of §4 "Modification semantics"."""
    e = m.get(k)
    if e is None:
        if init is None:
            return
        m.put(k, init)
        e = (k, init)
    x = e[1]
    kind = x[0] if x is not None else "none"
    ak = a[0] if a is not None else "none"
    if kind in ("count", "integer", "real", "timespan") and ak == kind:
        n = x[1] + a[1]
        if kind == "count":
            n &= M64
        new = (kind, n)
    elif kind == "timestamp" and ak == "timespan":
        new = (kind, x[1] + a[1])
    elif kind == "string" and ak == "string":
        new = (kind, bytes(x[1]) + bytes(a[1]))
    elif kind == "vector":
        new = (kind, x[1] + [a])
    elif kind == "set":
        elems = list(x[1])
        set_insert(elems, a)
        new = (kind, elems)
    elif kind == "table" and ak == "vector" and len(a[1]) == 2:
        items = list(x[1])
        table_put(items, a[1][0], a[1][1])
        new = (kind, items)
    else:
        return
    m.put(k, new)
    m.expire(k, exp)


def _subtract(m, k, a, exp=0):
    e = m.get(k)
    if e is None:
        return
    x = e[1]
    kind = x[0] if x is not None else "none"
    ak = a[0] if a is not None else "none"
    if kind in ("count", "integer", "real", "timespan") and ak == kind:
        n = x[1] - a[1]
        if kind == "count":
            n &= M64
        new = (kind, n)
    elif kind == "timestamp" and ak == "timespan":
        new = (kind, x[1] - a[1])
    elif kind == "vector":
        new = (kind, x[1][:-1])
    elif kind == "set":
        elems = list(x[1])
        i = find(elems, a)
        if i >= 0:
            del elems[i]
        new = (kind, elems)
    elif kind == "table":
        items = list(x[1])
        i = find(items, a, key=lambda t: t[0])
        if i >= 0:
            del items[i]
        new = (kind, items)
    else:
        return
    m.put(k, new)
    m.expire(k, exp)


def _insert(ctx, h, k, x, what, init, e):
    """Convert key and the `what` argument x, then add x to the key's value
    (init when the key is absent): append, insert_into_set and push."""
    d = _args(ctx, [(k, "key"), (x, what)])
    if d is None:
        return False
    return _apply(ctx, h, lambda m: _add(m, d[0], d[1], init, e))


def _remove(ctx, h, k, x, what, e):
    """Convert key and the `what` argument x, then take x from the key's
    value: decrement and remove_from."""
    d = _args(ctx, [(k, "key"), (x, what)])
    if d is None:
        return False
    return _apply(ctx, h, lambda m: _subtract(m, d[0], d[1], e))


@builtin("function Broker::__increment(h: opaque of Broker::Store, k: any, a: any, e: interval): bool")
def increment(ctx, h, k, a, e):
    d = _args(ctx, [(k, "key"), (a, "amount")])
    if d is None:
        return False
    init = _ZERO.get(d[1][0] if d[1] is not None else "none")
    return _apply(ctx, h, lambda m: _add(m, d[0], d[1], init, e))


@builtin("function Broker::__decrement(h: opaque of Broker::Store, k: any, a: any, e: interval): bool")
def decrement(ctx, h, k, a, e):
    return _remove(ctx, h, k, a, "amount", e)


@builtin("function Broker::__append(h: opaque of Broker::Store, k: any, s: any, e: interval): bool")
def append(ctx, h, k, s, e):
    return _insert(ctx, h, k, s, "str", ("string", b""), e)


@builtin("function Broker::__insert_into_set(h: opaque of Broker::Store, k: any, i: any, e: interval): bool")
def insert_into_set(ctx, h, k, i, e):
    return _insert(ctx, h, k, i, "index", ("set", []), e)


@builtin("function Broker::__insert_into_table(h: opaque of Broker::Store, k: any, i: any, v: any, e: interval): bool")
def insert_into_table(ctx, h, k, i, v, e):
    d = _args(ctx, [(k, "key"), (i, "index"), (v, "value")])
    if d is None:
        return False
    return _apply(ctx, h, lambda m: _add(m, d[0], ("vector", [d[1], d[2]]), ("table", []), e))


@builtin("function Broker::__remove_from(h: opaque of Broker::Store, k: any, i: any, e: interval): bool")
def remove_from(ctx, h, k, i, e):
    return _remove(ctx, h, k, i, "index", e)


@builtin("function Broker::__push(h: opaque of Broker::Store, k: any, v: any, e: interval): bool")
def push(ctx, h, k, v, e):
    return _insert(ctx, h, k, v, "value", ("vector", []), e)


@builtin("function Broker::__pop(h: opaque of Broker::Store, k: any, e: interval): bool")
def pop(ctx, h, k, e):
    d = _args(ctx, [(k, "key")])
    if d is None:
        return False
    return _apply(ctx, h, lambda m: _subtract(m, d[0], d[0], e))


@builtin("function Broker::__clear(h: opaque of Broker::Store): bool")
def clear(ctx, h):
    return _apply(ctx, h, lambda m: (m.items.clear(), m.expiry.clear()))
