"""A whole Bro cluster in one process (cluster.md §6).

Every node is its own Interpreter: it loads the same scripts with its own
CLUSTER_NODE, its own stdout and stderr, and its own Broker endpoint.  The
network is the recommended deterministic schedule of cluster.md §6.3:
zero latency, one delivery at a time, one global FIFO of deliveries.

    phase 1   each node in start order: load, bro_init, its queue until empty
    phase 2   each node's Broker::peer requests, in call order, become links;
              a link queues peer_added for the initiator, then the acceptor
    phase 3   deliver the head of the FIFO and run the receiver until its
              queue is empty; with nothing to deliver, advance the clock to
              the next timer; with no timer either, the cluster is at rest

A node that calls terminate() goes through Bro's shutdown at the end of the
step in which it called it, then its peers are told (peer_lost).  At rest,
every node still running shuts down together and nobody is told anything.
"""
from __future__ import annotations

import gc
import hashlib
import io
from collections import deque
from typing import Callable, Optional

from ..errors import BroError, ScriptExit
from ..runtime.addrs import addr_to_str, parse_addr
from ..runtime.values import make_port
from .endpoint import Endpoint

# The virtual clock starts here (2019-01-01 00:00:00 UTC), so that runs are
# reproducible; Bro would start at the wall clock.
START_TIME = 1546300800.0

# What start order a node type has when the nodes are not listed by hand
# (cluster.md §6.3): loggers, managers, proxies, workers, then the others.
TYPE_ORDER = {"Cluster::LOGGER": 0, "Cluster::MANAGER": 1, "Cluster::PROXY": 2,
              "Cluster::WORKER": 3}
# Not Bro processes: BroControl itself and a Time Machine.
NOT_STARTED = {"Cluster::CONTROL", "Cluster::TIME_MACHINE", "Cluster::NONE"}

DEFAULT_MAX_EVENTS = 1_000_000
# Broker's default time-to-live of a message: how many hops forwarding may take.
BROKER_TTL = 20


class SimulationLimit(Exception):
    """The cluster did not come to rest within the run's limits."""


class Node:
    """One simulated Bro process: an interpreter, its endpoint and its output."""

    def __init__(self, sim: "Simulation", name: str, index: int):
        self.sim = sim
        self.name = name
        self.index = index               # place in the start order
        self.incarnation = 0
        self.interp = None
        self.endpoint: Optional[Endpoint] = None
        self.running = False
        self.exit_code: Optional[int] = None
        self.out, self.err = sim.streams(name)

    @property
    def rt(self):
        return self.interp.runtime

    def __repr__(self):
        return f"<Node {self.name}{'' if self.running else ' (stopped)'}>"


class Simulation:
    """The cluster: its nodes, the delivery FIFO and the virtual clock.

    `sources(interp)` gives one node's load list (loader.command_line_sources);
    `streams(name)` gives a node's (stdout, stderr) binary streams; `environ`
    is the environment every node starts from.
    """

    def __init__(self, names: list[str], sources: Callable, streams: Callable,
                 environ: dict, max_events: int = DEFAULT_MAX_EVENTS,
                 until: Optional[float] = None, budget=None, layout_override=None,
                 layout_names=(), memo_args=None):
        self.sources = sources
        self.streams = streams
        # the command line, for the start-up memo's key of each node
        # (memo.py); None (the Python API): no memo
        self.memo_args = memo_args
        self.file_stats: dict = {}      # path -> stat, for the memo's check of each node
        self.environ = environ
        self.max_events = max_events
        self.events = 0
        self.until = until
        self.budget = budget
        self.layout_override = layout_override
        self.clock = START_TIME
        self.deliveries: deque = deque()
        self.final = False               # publishes are dropped in the final shutdown
        self.all_names: set = set(layout_names) | set(names)
        # what an earlier simulation of this process froze (boot) may be
        # collected now; not at the end of a run, where a command-line run
        # would pay a collection of the whole cluster just before exiting
        gc.unfreeze()
        self.nodes: list[Node] = [Node(self, n, i) for i, n in enumerate(names)]
        # every node reads the same scripts: one parse (and scan) of each
        # file serves them all, even with the disk cache off (cache.py)
        from .. import cache
        from ..loader import forget_shared
        cache.share(True)
        forget_shared()
        self.by_name = {n.name: n for n in self.nodes}
        self._by_port = None
        self.incarnations = 0
        # --node-output DIR: each node writes its log files into DIR/NAME/
        # (bifs/logging-input.md §1.9.2), as each Bro of a real cluster runs
        # in a directory of its own.  None: the nodes share one working
        # directory, where their files would overwrite each other, so they
        # write none (their log records are still filtered and counted).
        self.log_root: Optional[str] = None

    # ------------------------------------------------------------ whole runs
    def run(self) -> int:
        """Start every node, run to rest, shut down; the exit status."""
        self.start()
        self.settle(timers=True)
        self.shutdown()
        return self.exit_status()

    def exit_status(self) -> int:
        for n in self.nodes:
            if n.exit_code:
                return n.exit_code
            if getattr(n.interp, "deferred_failed", False):
                # an error in a declaration made on first use at run time:
                # Bro would have failed at parse time (deferred.py)
                return 1
        return 0

    def start(self):
        """Phases 1 and 2: every node initialised, then connected."""
        for node in self.nodes:
            self.boot(node)
        for node in self.nodes:
            if node.running:
                self.connect(node)

    def settle(self, timers: bool = True, until: Optional[float] = None):
        """Phase 3 until nothing is left to deliver (and, with `timers`, no
        timer is due by `until`, the run's own limit, or at all)."""
        limit = until if until is not None else self.until
        while True:
            if self.deliveries:
                self.deliver(self.deliveries.popleft())
                continue
            if not timers:
                return
            # a node whose only timers are the runtime's own (log rotation,
            # which re-arms itself) does not keep the clock moving
            due = [(n.rt.due_timer(), n.index, n) for n in self.nodes
                   if n.running and len(n.rt.timers) > getattr(n.rt, "housekeeping_timers", 0)]
            if not due:
                return
            when = min(d[0] for d in due)
            if limit is not None and when > START_TIME + limit:
                return
            self.advance(when)

    def shutdown(self):
        """Phase 3(c): every node still running ends together, in start
        order, as on a SIGTERM to all; what they publish now is dropped and
        nobody sees anybody go (cluster.md §6.3).  Together: their peerings
        last until the last of them has run its bro_done."""
        self.final = True
        ending = [n for n in self.nodes if n.running]
        for node in ending:
            self.finish(node)
        for node in ending:
            self.gone(node, tell_peers=False)
        self.final = False

    # ------------------------------------------------------------ nodes
    def boot(self, node: Node):
        """Phase 1 for one node (again, for a node started anew)."""
        from ..loader import share_files
        gc.disable()
        share_files(True)
        try:
            self._boot(node)
        finally:
            share_files(False)
            gc.enable()
            # What a booted node holds lives as long as the run: Python's
            # cycle collector need not scan it again at each collection of
            # the later boots (measured: 52 nodes boot in half the time;
            # issue 12 item 5).  The next Simulation gives it back (__init__).
            gc.freeze()

    def _boot(self, node: Node):
        from .. import memo
        env = dict(self.environ)
        env[b"CLUSTER_NODE"] = node.name.encode()
        node.incarnation += 1
        self.incarnations += 1
        node_id = self.new_id(node)
        # each node's load is remembered under its own key (memo.py): a warm
        # run of the same cluster checks the bodies of none of them at boot
        key = None
        if self.memo_args is not None and self.budget is None:
            key = memo.run_key(self.memo_args, env, "--simulate node", node.name)
        expect = memo.lookup(key, self.file_stats)
        while True:
            try:
                interp = self._load_node(node, env, node_id, key, expect)
            except memo.Miss:
                expect = None       # another program than last time: again, checked as read
                continue
            break
        if interp is None:
            return
        node.running = True
        interp.runtime.start(interp.top_level, self.clock)
        self.process(node, connect=False)      # peerings wait for phase 2
        if node.running and not self.keeps_running(node):
            # nothing keeps this Bro alive: it ends as a lone script run
            # does, after its first drain (language.md §5.3 paths A/B)
            try:
                node.rt.shutdown(bool(node.rt.timers))
                node.exit_code = 0
            except ScriptExit as ex:
                node.exit_code = ex.code
            node.running = False

    def _load_node(self, node: Node, env, node_id, key, expect):
        """A node's interpreter with its scripts loaded, or None if loading
        failed (its exit status set)."""
        from ..interp import Interpreter
        interp = Interpreter(out=node.out, err=TextErr(node.err), environ=env,
                             memo_key=key, expect=expect)
        if self.budget is not None:
            interp.runtime.budget = self.budget
        if self.layout_override is not None:
            interp.loader.overrides["cluster-layout"] = self.layout_override
        node.interp = interp
        if self.log_root is not None:
            import os
            interp.log_dir = os.path.join(self.log_root, node.name)
            os.makedirs(interp.log_dir, exist_ok=True)
        else:
            interp.log_files = False
        node.endpoint = Endpoint(interp, node_id, self, node.name)
        self.listening_changed()
        node.exit_code = None
        try:
            interp.load_sources(self.sources(interp))
        except BroError as ex:
            interp.reporter.write(ex.render())
            node.exit_code = 1
            return None
        except ScriptExit as ex:
            node.exit_code = ex.code
            return None
        if interp.reporter.errors:
            node.exit_code = 1
            return None
        return interp

    def keeps_running(self, node: Node) -> bool:
        """A Bro with a listening or connecting Broker endpoint stays in its
        main loop, as does one with exit_only_after_terminate (§5.3 path C)."""
        ep = node.endpoint
        if ep.listening or ep.requests:
            return True
        gid = node.interp.globals.get("exit_only_after_terminate")
        return bool(gid is not None and gid.value is True)

    def new_id(self, node: Node) -> str:
        """A Broker id that no node name is a prefix of, so that a hello sent
        to "bro/cluster/node/<id>" reaches that node alone (cluster.md §6.3)."""
        salt = 0
        while True:
            digest = hashlib.sha1(f"{node.name}/{node.incarnation}/{salt}".encode()).hexdigest().upper()
            nid = f"{digest}#{1000 + self.incarnations}"
            if not any(nid.startswith(n) for n in self.all_names):
                return nid
            salt += 1

    def process(self, node: Node, connect: bool = True):
        """Run a node's queue until it is empty; then its new peerings, and
        its end if it called terminate() (steps a.3-a.7)."""
        try:
            self.count(node.rt.process_queue(self.max_events - self.events))
            # input streams: their readers' first reads, force_updates and
            # removals happen once the queue is empty, as in a lone run's
            # main loop (bifs/logging-input.md §2.8); no heartbeat polls
            im = getattr(node.interp, "input_manager", None)
            while im is not None and im.pending():
                im.step(heartbeat=False)
                self.count(node.rt.process_queue(self.max_events - self.events))
        except ScriptExit as ex:
            self.crash(node, ex.code)
            return
        except BroError as ex:
            # a fatal error of the run itself (--max-steps, --timeout)
            node.interp.reporter.write(ex.render())
            self.crash(node, 1)
            raise SimulationLimit(None)
        if node.running and node.rt.terminate_requested:
            self.stop(node, tell_peers=True)
        elif node.running and connect:
            self.connect(node)

    def count(self, n: int):
        self.events += n
        if self.events > self.max_events:
            raise SimulationLimit(
                f"simulation stopped after {self.max_events} events without the cluster "
                f"coming to rest (events raising each other forever?); --max-events N allows more")

    def stop(self, node: Node, tell_peers: bool):
        """Bro's shutdown after terminate() or a SIGTERM (cluster.md §4.8),
        then its peers are told."""
        self.finish(node)
        self.gone(node, tell_peers)

    def finish(self, node: Node):
        node.interp.reporter.write("received termination signal")
        try:
            node.rt.shutdown(True)
            node.exit_code = 0
        except ScriptExit as ex:
            node.exit_code = ex.code

    def crash(self, node: Node, code: int):
        """exit() or a fatal error: gone at once, no shutdown (cluster.md §4.8)."""
        node.exit_code = code
        self.gone(node, tell_peers=True)

    def gone(self, node: Node, tell_peers: bool):
        node.running = False
        ep = node.endpoint
        for peer in list(ep.links):
            info = self.info_about(peer, ep)
            self._unlink_pair(ep, peer)
            if tell_peers:
                self.deliveries.append((peer, ep, "lost", (info, "lost remote peer")))
        self.deliveries = deque(d for d in self.deliveries if d[0] is not ep)
        ep.peer_count = 0

    def restart(self, name: str):
        """Start a node again (a new incarnation, a new Broker id); it links
        to whoever it asks for, and whoever kept asking for it links to it."""
        node = self.by_name[name]
        if node.running:
            return
        from ..loader import forget_shared
        forget_shared()             # its files may have changed since
        self.boot(node)
        if not node.running:
            return
        for other in self.nodes:
            if other.running and other is not node:
                self.connect(other)

    # ------------------------------------------------------------ the network
    def connect(self, node: Node):
        """Link every pending Broker::peer request of `node` whose target runs."""
        ep = node.endpoint
        for req in ep.requests:
            if req.linked is not None:
                continue
            target = self.listener(req.addr, req.port, ep)
            if target is None:
                continue
            req.linked = target
            if target in ep.links:
                continue
            ep.links.append(target)
            target.links.append(ep)
            ep.links_changed()
            target.links_changed()
            self.deliveries.append((ep, target, "added", (self.info_about(ep, target),
                                                           "received handshake from remote core")))
            self.deliveries.append((target, ep, "added", (self.info_about(target, ep),
                                                           "handshake successful")))

    def listener(self, addr: str, port, asking: Endpoint) -> Optional[Endpoint]:
        """The first node in start order listening on (addr, port)."""
        want = _norm_addr(addr)
        for node, laddr in self._listeners().get(port, ()):
            ep = node.endpoint
            if not node.running or ep is asking:
                continue
            if laddr == "" or _norm_addr(laddr) == want:
                return ep
        return None

    def listening_changed(self):
        self._by_port = None

    def _listeners(self) -> dict:
        """port -> [(node, listen address)] in start order: each peering
        request looks at the nodes on its port, not at every node."""
        if self._by_port is None:
            by_port: dict = {}
            for node in self.nodes:
                if node.endpoint is None:
                    continue
                for laddr, lport in node.endpoint.listening:
                    by_port.setdefault(lport, []).append((node, laddr))
            self._by_port = by_port
        return self._by_port

    def unlink(self, ep: Endpoint, other: Endpoint):
        """Broker::unpeer: peer_removed here, peer_lost there."""
        if other not in ep.links:
            return
        mine, theirs = self.info_about(ep, other), self.info_about(other, ep)
        self._unlink_pair(ep, other)
        self.deliveries.append((ep, other, "removed", (mine, "removed peering")))
        self.deliveries.append((other, ep, "lost", (theirs, "lost remote peer")))

    def _unlink_pair(self, a: Endpoint, b: Endpoint):
        for x, y in ((a, b), (b, a)):
            if y in x.links:
                x.links.remove(y)
                x.links_changed()
            for req in x.requests:
                if req.linked is y:
                    req.linked = None

    def send(self, ep: Endpoint, topic: bytes, message, ttl=BROKER_TTL, came_from=None):
        """A publish: one delivery per linked peer that subscribed to a prefix
        of the topic, in link-creation order (step a.4); never back to the
        peer a relayed message came from."""
        if self.final:
            return
        append = self.deliveries.append
        payload = (topic, message, ttl)
        for peer in ep.routes(topic):
            if peer is not came_from:
                append((peer, ep, "msg", payload))

    def deliver(self, entry):
        receiver, sender, kind, payload = entry
        node = self.node_of(receiver)
        if node is None or not node.running:
            return
        if kind == "msg":
            topic, message, ttl = payload
            if not receiver.forwarded_only(topic):
                receiver.receive(message)
            if ttl > 1 and receiver.forwards_messages():
                # Broker::forward_messages (cluster.md §4.6): one more hop
                self.send(receiver, topic, message, ttl - 1, came_from=sender)
        else:
            receiver.status(kind, *payload, peer=sender)
        self.process(node)

    def advance(self, when: float):
        """Step (b): the clock moves to the next timer; each node with timers
        due fires them, in start order, and runs."""
        # a table's first expiration sweep is due at time 1 (runtime/expiry.py):
        # the clock never goes back
        when = self.clock = max(when, self.clock)
        for node in self.nodes:
            if node.running:
                node.rt.network_time = when
        for node in self.nodes:
            due = node.rt.due_timer() if node.running else None
            if due is not None and due <= when:
                node.rt.fire_due(when)
                self.process(node)

    def node_of(self, ep: Endpoint) -> Optional[Node]:
        node = self.by_name.get(ep.name)
        return node if node is not None and node.endpoint is ep else None

    def info_about(self, ep: Endpoint, other: Endpoint):
        """What `ep` knows of its peer `other`: id, address, port (cluster.md
        §4.5): where it connected to, if it did; else the peer's layout entry."""
        for req in ep.requests:
            if req.linked is other:
                return other.id, req.addr, req.port
        entry = layout_entry(other.interp, other.name)
        if entry is not None:
            return other.id, entry[0], entry[1]
        return other.id, "<unknown>", make_port(0, "tcp")


def layout_entry(interp, name: str):
    """(ip text, port) of a node in an interpreter's Cluster::nodes, or None."""
    gid = interp.globals.get("Cluster::nodes")
    if gid is None or not hasattr(gid.value, "data"):
        return None
    ent = gid.value.data.get(name.encode())
    if ent is None:
        return None
    rec = ent[1]
    rt = rec.rtype
    return addr_to_str(rec.vals[rt.index["ip"]]), rec.vals[rt.index["p"]]


def _norm_addr(text: str):
    try:
        return parse_addr(text)
    except Exception:
        return text


class TextErr:
    """The reporter writes text; a node's stderr is bytes, as Bro's is."""

    def __init__(self, sink):
        self.sink = sink

    def write(self, s: str):
        self.sink.write(s.encode("latin-1", "backslashreplace"))

    def flush(self):
        self.sink.flush()


class PrefixedLines(io.RawIOBase):
    """A node's stream shown on the terminal: each line as "NAME: line"."""

    def __init__(self, name: str, target):
        self.prefix = name.encode() + b": "
        self.target = target
        self.partial = b""

    def writable(self):
        return True

    def write(self, data):
        data = bytes(data)
        lines = (self.partial + data).split(b"\n")
        self.partial = lines.pop()
        for line in lines:
            self.target.write(self.prefix + line + b"\n")
        return len(data)

    def flush(self):
        self.target.flush()

    def close_line(self):
        if self.partial:
            self.target.write(self.prefix + self.partial + b"\n")
            self.partial = b""
