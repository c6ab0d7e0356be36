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


def announce(interp, sid: str, wname: str, path: str, writer, config, to=None):
    """A create message for `writer`: broadcast, or to peer `to` alone."""
    ep = _endpoint(interp)
    if ep is None:
        return
    msg = LogCreate(sid, wname, path, list(writer.columns), dict(config))
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
    for sid, state in list(mgr.streams.items()):
        for (wname, path), w in list(state.writers.items()):
            announce(ep.interp, sid, wname, path, w, getattr(w, "config", {}) or {}, to=peer)


def receive(interp, msg) -> None:
    """A create or write message that reached this node."""
    from ..builtins.logstreams import manager
    stream = getattr(interp, "log_streams", {}).get(msg.stream)
    if stream is None:
        return
    mgr = getattr(interp, "log_manager", None)
    if isinstance(msg, LogCreate):
        if mgr is None:
            mgr = manager(_Ctx(interp))
        mgr.remote_writer(msg.stream, msg.writer, msg.path, msg.columns, msg.config)
        return
    if not stream.enabled or mgr is None:
        return
    mgr.remote_write(msg.stream, msg.writer, msg.path, msg.values)


class _Ctx:
    """What logstreams' helpers need of a call context: the interpreter."""
    __slots__ = ("interp",)

    def __init__(self, interp):
        self.interp = interp
