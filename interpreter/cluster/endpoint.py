"""The Broker endpoint of one Bro process: its id, subscriptions,
auto-published events, listening ports, peering requests and peers
(cluster.md §4-§5).

A process that is not part of a simulated cluster has a lone endpoint: it
never gets a peer, so whatever it publishes is dropped, as in a Bro that
nobody connects to.  In a simulation (sim.py) the same object is a node's
endpoint and the simulation carries its messages.
"""
from __future__ import annotations

import os

from ..types import type_name, same_type
from ..runtime.values import UNSET, FuncVal, OpaqueVal, RecordVal, VectorVal
from .data import Unconvertible, convert_args, from_data, data_type_name, wrap_data
from .logfwd import LogCreate, LogWrite, announce_all, receive as receive_log


class PeerRequest:
    """A `Broker::peer` call: Broker retries it until it is connected."""
    __slots__ = ("addr", "port", "retry", "linked")

    def __init__(self, addr, port, retry):
        self.addr = addr            # str, as the script gave it
        self.port = port            # port value
        self.retry = retry
        self.linked = None          # the Endpoint it is connected to


class Endpoint:
    def __init__(self, interp, node_id: str, sim=None, name: str = ""):
        self.interp = interp
        self.id = node_id
        self.sim = sim
        self.name = name
        self.subscriptions: list[bytes] = []
        self.forwards: list[bytes] = []
        # topic -> wants(topic), forwarded_only(topic): a cluster's nodes
        # publish a few topics to many peers (cleared when subscriptions change)
        self._wants: dict = {}
        self._fwd_only: dict = {}
        # topic -> the linked peers that want it, in link order: a manager
        # publishes to peers that grow with the cluster, a few topics many
        # times (cleared when a link or a peer's subscriptions change)
        self._routes: dict = {}
        self._by_prefix = None               # subscription -> link positions
        self._prefix_lens: list = []
        self.auto_topics: dict = {}          # event FuncVal -> [topic, ...]
        self.listening: list = []            # (addr str, port)
        self.requests: list[PeerRequest] = []
        self.links: list["Endpoint"] = []    # peers, in link-creation order
        self.peer_count = 0                  # peer_added seen minus losses
        interp.runtime.endpoint = self

    @property
    def rt(self):
        return self.interp.runtime

    # ------------------------------------------------------------ subscriptions
    def subscribe(self, prefix: bytes):
        if prefix not in self.subscriptions:
            self.subscriptions.append(prefix)
            self._subscriptions_changed()

    def unsubscribe(self, prefix: bytes):
        if prefix in self.subscriptions:
            self.subscriptions.remove(prefix)
            self._subscriptions_changed()

    def _subscriptions_changed(self):
        self._wants.clear()
        for peer in self.links:
            peer.links_changed()

    def links_changed(self):
        """Called by the simulation whenever it adds or removes a link (and
        by a peer whose subscriptions changed)."""
        self._routes.clear()
        self._by_prefix = None

    def forward(self, prefix: bytes):
        if prefix not in self.forwards:
            self.forwards.append(prefix)
            self._fwd_only.clear()
        self.subscribe(prefix)

    def forwarded_only(self, topic: bytes) -> bool:
        """A topic this node only relays (Broker::forward), never raises."""
        f = self._fwd_only.get(topic)
        if f is None:
            f = self._fwd_only[topic] = any(topic.startswith(s) for s in self.forwards)
        return f

    def forwards_messages(self) -> bool:
        gid = self.interp.globals.get("Broker::forward_messages")
        return bool(gid is not None and gid.value is True)

    def wants(self, topic: bytes) -> bool:
        """Byte-prefix match; the empty prefix matches every topic (§4.6)."""
        w = self._wants.get(topic)
        if w is None:
            w = self._wants[topic] = any(topic.startswith(s) for s in self.subscriptions)
        return w

    def routes(self, topic: bytes) -> tuple:
        """The linked peers subscribed to a prefix of `topic`, in link order."""
        r = self._routes.get(topic)
        if r is None:
            r = self._routes[topic] = self._match(topic)
        return r

    def _match(self, topic: bytes) -> tuple:
        # Each hello goes to a topic of its own (a node id), so asking every
        # peer would make peering quadratic in the peers; instead the peers'
        # subscriptions are indexed by prefix and only the topic's own
        # prefixes are looked up (cleared with the routes).
        if self._by_prefix is None:
            index: dict = {}
            for pos, peer in enumerate(self.links):
                for s in peer.subscriptions:
                    index.setdefault(s, []).append(pos)
            self._by_prefix = index
            self._prefix_lens = sorted({len(s) for s in index})
        index = self._by_prefix
        found = set()
        n = len(topic)
        for k in self._prefix_lens:
            if k > n:
                break
            hit = index.get(topic[:k])
            if hit is not None:
                found.update(hit)
        links = self.links
        return tuple(links[pos] for pos in sorted(found))

    # ------------------------------------------------------------ publishing
    def publish(self, topic: bytes, message) -> None:
        """Hand a message (event name, [data]) to Broker: every linked peer
        with a matching subscription gets it once, in link order; nothing
        goes out before this node has a peer (G8), nothing comes back to it
        (G7)."""
        if self.sim is None or self.peer_count == 0:
            return
        self.sim.send(self, topic, message)

    def publishes(self, fv) -> bool:
        return fv in self.auto_topics

    def auto_publish(self, fv, args):
        topics = self.auto_topics.get(fv)
        if not topics:
            return
        types = [p.type for p in fv.ftype.params]
        data, err = convert_args(fv.ftype.params, args, types)
        if err is not None:
            # bifs/probabilistic-broker.md §5 Broker::__auto_publish
            if err[0]:
                self.rt.reporter.error(err[0], None)
            self.rt.reporter.error(f"failed auto-remote event '{fv.name}', disabled", None)
            del self.auto_topics[fv]
            return
        for topic in topics:
            self.publish(topic, (fv.name, data))

    def register_auto(self, topic: bytes, fv) -> None:
        topics = self.auto_topics.setdefault(fv, [])
        if topic not in topics:
            topics.append(topic)

    def unregister_auto(self, topic: bytes, fv) -> None:
        topics = self.auto_topics.get(fv)
        if topics and topic in topics:
            topics.remove(topic)
            if not topics:
                del self.auto_topics[fv]

    # ------------------------------------------------------------ receiving
    def receive(self, message) -> None:
        """An event message from a peer (cluster.md §4.7)."""
        if isinstance(message, (LogCreate, LogWrite)):
            receive_log(self.interp, message)
            return
        if len(message) == 3:
            self.receive_id(message[1], message[2])
            return
        name, data = message
        gid = self.interp.globals.get(name)
        fv = gid.value if gid is not None else None
        if not isinstance(fv, FuncVal) or fv.ftype.flavor != "event":
            return
        params = fv.ftype.params
        warn = self.rt.reporter.warning
        if len(data) != len(params):
            warn(f"got event message '{name}' with invalid # of args, got {len(data)}, "
                 f"expected {len(params)}", None)
            return
        args = []
        for i, (p, d) in enumerate(zip(params, data)):
            try:
                args.append(from_data(p.type, d, self.interp))
            except Unconvertible:
                warn(f"failed to convert remote event '{name}' arg #{i}, got {data_type_name(d)}, "
                     f"expected {type_name(p.type)}", None)
                return
        if fv.bodies:
            self.rt.queue.append((fv, args, True))

    def receive_id(self, name, data) -> None:
        """A Broker::publish_id update: the global takes the converted value,
        const or not, and no event is raised (bifs/probabilistic-broker.md §5)."""
        gid = self.interp.globals.get(name)
        if gid is None:
            self.rt.reporter.warning(f"Received id-update request for unkown id: {name}", None)
            return
        try:
            gid.value = from_data(gid.type, data, self.interp)
        except Unconvertible:
            self.rt.reporter.error(f"Failed to receive ID with unsupported type: {name} "
                                   f"({gid.type.kind})", None)

    def status(self, kind: str, peer_info, msg: str, peer=None) -> None:
        """A Broker status for this node: its peer count changes and the
        matching Broker event is queued (cluster.md §4.5)."""
        if kind == "added":
            self.peer_count += 1
            event = "Broker::peer_added"
        elif kind == "lost":
            self.peer_count -= 1
            event = "Broker::peer_lost"
        else:
            self.peer_count -= 1
            event = "Broker::peer_removed"
        if kind == "added" and peer is not None:
            # Bro's SendAllWritersTo: the new peer learns this node's writers
            announce_all(self, peer)
        rec = self.endpoint_info(*peer_info)
        if rec is not None:
            self.rt.queue_event(event, [rec, msg.encode()])

    def endpoint_info(self, peer_id: str, address, port):
        """A Broker::EndpointInfo record of this interpreter's own type."""
        g = self.interp.globals
        ei, ni = g.get("Broker::EndpointInfo"), g.get("Broker::NetworkInfo")
        if ei is None or ni is None or ei.kind != "type" or ni.kind != "type":
            return None
        net = RecordVal(ni.type, [address.encode(), port])
        return RecordVal(ei.type, [peer_id.encode(), net])

    # ------------------------------------------------------------ peering
    def listen(self, addr: str, port) -> None:
        self.listening.append((addr, port))
        if self.sim is not None:
            self.sim.listening_changed()

    def peer(self, addr: str, port, retry) -> None:
        # a simulation links it at the end of the caller's step (sim.process)
        self.requests.append(PeerRequest(addr, port, retry))

    def unpeer(self, addr: str, port) -> bool:
        for req in self.requests:
            if req.addr == addr and req.port == port:
                self.requests.remove(req)
                if req.linked is not None and self.sim is not None:
                    self.sim.unlink(self, req.linked)
                return True
        return False


def lone_endpoint(interp) -> Endpoint:
    """The endpoint of a process outside any simulation, made on first use.
    Its id is Bro's form: a hex host hash, '#', the process id (cluster.md §5)."""
    ep = interp.runtime.endpoint
    if ep is None:
        host = abs(hash(os.uname().nodename)) & 0xFFFFFFFF
        ep = Endpoint(interp, f"{host:08X}#{os.getpid()}")
    return ep


# ---------------------------------------------------------------- events as messages
def event_message(ctx, args):
    """`Broker::publish`'s and `Broker::make_event`'s arguments -> (name, data),
    or (None, data converted so far) after reporting why not (cluster.md §4.6,
    bifs/probabilistic-broker.md §5 Broker::make_event).  `args` are AnyVals:
    an event and its arguments, or one Broker::Event."""
    if not args:
        return (None, [])
    first = args[0]
    v = first.value
    if isinstance(v, RecordVal) and v.rtype.name == "Broker::Event":
        return event_record_message(v) or (None, [])
    if not isinstance(v, FuncVal) or v.ftype.flavor != "event":
        ctx.builtin_error("attempt to convert non-event into an event type")
        return (None, [])
    params = v.ftype.params
    if len(args) != len(params) + 1:
        ctx.builtin_error(f"bad # of arguments: got {len(args)}, expect {len(params) + 1}")
        return (None, [])
    data = []
    for i, (p, a) in enumerate(zip(params, args[1:]), 1):
        if p.type.kind != "any" and not same_type(a.type, p.type):
            ctx.builtin_error(f"event parameter #{i} type mismatch, got {a.type.kind}, "
                              f"expect {p.type.kind}")
            return (None, data)
        got, err = convert_args([p], [a.value], [a.type])
        if err is not None:
            if err[0]:
                ctx.rt.reporter.error(err[0], None)
            ctx.builtin_error(f"failed to convert param #{i} of type {a.type.kind} to broker data")
            return (None, data)
        data.extend(got)
    return (v.name, data)


def event_record_message(rec):
    """A Broker::Event made by make_event; None if making it failed."""
    name, vec = rec.vals[0], rec.vals[1]
    if name is UNSET:
        return None
    data = []
    for item in (vec.items if isinstance(vec, VectorVal) else []):
        box = item.vals[0] if isinstance(item, RecordVal) else UNSET
        data.append(box.state.data if isinstance(box, OpaqueVal) else None)
    return (name.decode("latin-1"), data)


def make_event_record(interp, message):
    """Broker::make_event's result: name unset when the event was invalid."""
    et = interp.globals["Broker::Event"].type
    vt = et.field("args").type
    name, data = message
    return RecordVal(et, [UNSET if name is None else name.encode("latin-1"),
                          VectorVal(vt, [wrap_data(interp, d) for d in data])])

