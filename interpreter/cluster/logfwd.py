"""Remote logging: log records that travel from node to node over Broker
(bifs/logging-input.md §1.10, cluster.md §2.8, §6.3).

What Bro 2.6 does, and these functions do for a simulated node:

* A filter with `log_remote` (default `Log::enable_remote_logging`, T on
  workers, proxies and a manager that is not the logger) sends, besides its
  local write, every row to its peers.  A writer, when it is made, is
  announced with a *create* message to `Broker::default_log_topic_prefix`
  plus the stream's id ("bro/logs/Test::LOG"), broadcast; each row goes as a
  *write* message to the topic `Broker::log_topic(id, path)` returns, which
  the cluster framework makes `Cluster::rr_log_topic`: the logger pool's
  next node, round robin, or "bro/logs/<id>" when none is alive.  That
  function is therefore called once per row sent, and only by a node that
  has a peer (Bro's PublishLogWrite returns before it otherwise).
* A new peering re-announces every writer the node has to that one peer
  (Bro's SendAllWritersTo on peer_added), so a writer made before the
  peering is known to a logger that connects later.
* A receiver that knows the stream and has no writer for (writer, path)
  makes one that writes locally whatever its own `log_local` says (Bro's
  CreateWriterForRemoteLog); a write for a writer it does not have, or a
  stream it does not know, is dropped; a disabled stream drops it too.  Rows
  go straight to the writer: no filter, predicate or stream event of the
  receiver sees them.  The writer is nobody's filter's, so a later local
  write on the same path by a filter of the receiver is a path conflict
  (§1.5 step 4.3), as in Bro.

Messages are the simulation's own objects (a row is deep-copied when sent,
as Bro serializes it); they reach subscribed peers like events do, and the
receiving endpoint hands them to `receive`.
"""
from __future__ import annotations

from ..runtime.ops import deep_copy
from ..runtime.values import UNSET

DEFAULT_PREFIX = b"bro/logs/"


class LogCreate:
    """A writer announced: its stream, writer, path, columns and config."""
    __slots__ = ("stream", "writer", "path", "columns", "config")

    def __init__(self, stream, writer, path, columns, config):
        self.stream, self.writer, self.path = stream, writer, path
        self.columns, self.config = columns, config


class LogWrite:
    """One row of a writer."""
    __slots__ = ("stream", "writer", "path", "values")

    def __init__(self, stream, writer, path, values):
        self.stream, self.writer, self.path, self.values = stream, writer, path, values


def _endpoint(interp):
    """The node's endpoint when it can send: a simulated node with a peer."""
    ep = interp.runtime.endpoint
    if ep is None or ep.sim is None or ep.peer_count == 0:
        return None
    return ep


def _prefix(interp) -> bytes:
    gid = interp.globals.get("Broker::default_log_topic_prefix")
    v = getattr(gid, "value", None)
    return v if isinstance(v, bytes) else DEFAULT_PREFIX


def _configs(mgr) -> dict:
    """(stream, writer, path) -> the config of the filter that made the
    writer: what a later announcement to a new peer repeats."""
    c = getattr(mgr, "remote_configs", None)
    if c is None:
        c = mgr.remote_configs = {}
    return c


def send(mgr, ctx, sid: str, idval, f, wname: str, path: str, rec, new: bool):
    """A row of filter `f` to the peers (the manager's Log::write, step 5):
    first, for a writer about to be made, its announcement; then the row.
    Returns the row's values, which the local write uses too."""
    from ..logging.columns import Column
    interp = mgr.interp
    if new:
        # the columns as the writer will have them (field_name_map, §1.7)
        cols = [Column(f.field_name_map.get(c.name, c.name), c.type, c.path, c.optional)
                for c in f.columns]
        _configs(mgr)[(sid, wname, path)] = dict(f.config)
        announce(interp, sid, wname, path, cols, f.config)
    values = mgr.row(ctx, f, rec)
    send_row(mgr, ctx, idval, wname, path, values)
    return values


def announce(interp, sid: str, wname: str, path: str, columns, config, to=None):
    """A create message for a writer: broadcast, or to peer `to` alone."""
    ep = _endpoint(interp)
    if ep is None:
        return
    msg = LogCreate(sid, wname, path, list(columns), dict(config))
    topic = _prefix(interp) + sid.encode("latin-1")
    if to is None:
        ep.publish(topic, msg)
    elif to in ep.links and to.wants(topic):
        ep.sim.deliveries.append((to, ep, "msg", (topic, msg, 1)))


def send_row(mgr, ctx, idval, wname: str, path: str, values):
    """A write message to the topic Broker::log_topic(id, path) names."""
    interp = mgr.interp
    ep = _endpoint(interp)
    if ep is None:
        return
    gid = interp.globals.get("Broker::log_topic")
    fv = getattr(gid, "value", None)
    if fv is None or fv is UNSET:
        topic = _prefix(interp) + idval.name.encode("latin-1")
    else:
        topic = mgr.call(ctx, fv, [(idval.etype, idval), (None, path.encode("latin-1"))])
        if not isinstance(topic, bytes):
            return
    ep.publish(topic, LogWrite(idval.name, wname, path, [deep_copy(v) for v in values]))


def announce_all(ep, peer):
    """A new peering: every writer of every stream, to that peer alone."""
    mgr = getattr(ep.interp, "log_manager", None)
    if mgr is None:
        return
    configs = _configs(mgr)
    for sid, state in list(mgr.streams.items()):
        for (wname, path), w in list(state.writers.items()):
            announce(ep.interp, sid, wname, path, w.columns,
                     configs.get((sid, wname, path), {}), to=peer)


# ---------------------------------------------------------------- receiving
def receive(interp, msg) -> None:
    """A create or write message that reached this node."""
    stream = getattr(interp, "log_streams", {}).get(msg.stream)
    if stream is None:
        return
    if isinstance(msg, LogCreate):
        from ..builtins.logstreams import manager
        remote_writer(manager(_Ctx(interp)), msg)
        return
    from ..logging.writers.ascii import WriterFailed
    mgr = getattr(interp, "log_manager", None)
    if not stream.enabled or mgr is None:
        return
    s = mgr.streams.get(msg.stream)
    w = s.writers.get((msg.writer, msg.path)) if s is not None else None
    if w is None or w.dead:
        return
    try:
        w.backend.write(msg.values)
    except (WriterFailed, OSError) as ex:
        mgr.fail(w, msg.writer, msg.path, ex)


def remote_writer(mgr, msg: LogCreate) -> None:
    """A writer a peer announced (Bro's CreateWriterForRemoteLog): made
    unless (writer, path) has one; it writes here whatever this node's
    log_local says, and no filter of this node owns it."""
    from ..logging.manager import BACKENDS, Writer, WriterInfo
    from ..logging.writers.ascii import WriterFailed
    from ..logging.writers.none import NoneWriter
    s = mgr.state(msg.stream)
    key = (msg.writer, msg.path)
    if key in s.writers:
        return
    _configs(mgr)[(msg.stream, msg.writer, msg.path)] = dict(msg.config)
    if getattr(mgr.interp, "log_files", True) is False:
        s.writers[key] = Writer("", None, msg.columns)
        return
    cls = BACKENDS.get(msg.writer)
    if cls is None:
        from ..logging.writers.sqlite import SQLiteWriter
        cls = SQLiteWriter if msg.writer == "Log::WRITER_SQLITE" else NoneWriter
    info = WriterInfo(mgr, msg.path, list(msg.columns), _RemoteFilter(msg.config))
    info.name = f"{msg.path}/{msg.writer}"
    backend = cls(info)
    w = s.writers[key] = Writer("", backend, info.columns)
    try:
        backend.init()
    except (WriterFailed, OSError) as ex:
        mgr.fail(w, msg.writer, msg.path, ex)


class _RemoteFilter:
    """What a writer made for a peer takes from a filter: the config the
    peer sent.  No rotation of its own (rotation is not modelled here)."""

    def __init__(self, config):
        self.config = config
        self.interv = 0.0


class _Ctx:
    """What logstreams' helpers need of a call context: the interpreter."""
    __slots__ = ("interp",)

    def __init__(self, interp):
        self.interp = interp
