"""The Python API for cluster experiments.

    from broscript.cluster import Cluster

    c = Cluster("examples/cluster-layout.bro")      # or a node.cfg, or a dict
    c.start()                                       # every node up and peered
    m = c.node("manager")
    m.call("Cluster::hrw_topic", m.ref("Cluster::proxy_pool"), "key-1")
    c.stop("proxy-2")                               # terminate(): peers see node_down
    m.get("Cluster::proxy_pool")["alive_count"]
    c.shutdown()

Values go in and come out as Python values (values_py.py); `ref` hands out a
node's own value, so that a script function gets the very record it would
get from a script (pools are shared by reference, docs/spec/cluster.md §2.1).
"""
from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Iterable, Optional, Union

from .. import pyapi
from ..loader import command_line_sources
from ..pyapi import BroScriptError
from .command import check_nodes
from .layout import layout_override, node_cfg_to_layout, read_layout, start_order
from .sim import Simulation
from .values_py import BroValue


class Cluster:
    """A simulated cluster (docs/spec/cluster.md §6): one interpreter per node.

    layout   path of a cluster-layout.bro or a zeekctl node.cfg, or a dict
             {name: {"type": "manager", "host": ..., "interface": ...}}
             in node.cfg terms; None: cluster-layout on BROPATH
    scripts  script files every node loads after the default library
    nodes    "all" or the names to start, in start order (a name the
             layout lacks, or its control entry, is a ValueError)
    bare     do not load the default library (then load the framework yourself)
    code     Bro source every node reads after the scripts (like -e)
    log_dir  each node writes its log files into log_dir/NAME/ (like
             --node-output); None: no log files
    """

    def __init__(self, layout: Union[str, Path, dict, None] = None, scripts: Iterable = (),
                 nodes: Union[str, list] = "all", bare: bool = False, code: Iterable[str] = (),
                 params: Iterable[str] = (), environ: Optional[dict] = None,
                 max_events: int = 1_000_000, log_dir: Union[str, Path, None] = None):
        if isinstance(layout, dict):
            override = ("<layout>", "<layout>", node_cfg_to_layout(_dict_cfg(layout), "<layout>"))
        elif layout is not None:
            override = layout_override(str(layout))
        else:
            override = None
        wanted = nodes if isinstance(nodes, str) else ",".join(nodes)
        layout = read_layout(override)
        names = start_order(layout, wanted)
        problem = check_nodes(layout, names)
        if problem:
            raise ValueError(f"nodes: {problem}")
        files, code, params = [str(s) for s in scripts], list(code), list(params)
        env = dict(os.environb if environ is None else
                   {k.encode() if isinstance(k, str) else k: v.encode() if isinstance(v, str) else v
                    for k, v in environ.items()})
        self._outputs = {}

        def streams(name):
            self._outputs[name] = (io.BytesIO(), io.BytesIO())
            return self._outputs[name]

        def sources(interp):
            return command_line_sources(interp, files, params, code, bare)

        self.sim = Simulation(names, sources, streams, env, max_events=max_events,
                              layout_override=override, layout_names=[n for n, _ in layout])
        self.sim.log_root = str(log_dir) if log_dir is not None else None
        self._started = False

    # ------------------------------------------------------------ the cluster
    @property
    def names(self) -> list[str]:
        return [n.name for n in self.sim.nodes]

    def start(self) -> "Cluster":
        """Start every node and deliver until the network is quiet (timers
        are left pending: `run` lets virtual time pass)."""
        if not self._started:
            self._started = True
            self.sim.start()
            self.sim.settle(timers=False)
        return self

    def run(self, seconds: Optional[float] = None) -> "Cluster":
        """Let virtual time pass: timers fire (for `seconds` from the start
        of the run, or until none is left) and their messages are delivered."""
        self.start()
        until = None if seconds is None else self.sim.clock - self.sim_start + seconds
        self.sim.settle(timers=True, until=until)
        return self

    @property
    def sim_start(self):
        from .sim import START_TIME
        return START_TIME

    @property
    def time(self) -> float:
        """The virtual clock (network_time() on every node)."""
        return self.sim.clock

    def node(self, name: str) -> "NodeHandle":
        if name not in self.sim.by_name:
            raise KeyError(f"no node {name!r} in this cluster (nodes: {', '.join(self.names)})")
        return NodeHandle(self, self.sim.by_name[name])

    def stop(self, name: str) -> "Cluster":
        """The node calls terminate(): it shuts down as Bro does and its peers
        get peer_lost and node_down."""
        node = self._running(name)
        self.sim.stop(node, tell_peers=True)
        self.sim.settle(timers=False)
        return self

    def kill(self, name: str) -> "Cluster":
        """The node dies at once (no bro_done); its peers still see it go."""
        node = self._running(name)
        self.sim.crash(node, 137)
        self.sim.settle(timers=False)
        return self

    def restart(self, name: str) -> "Cluster":
        """Start a stopped node again: a new incarnation with a new Broker id;
        the nodes that peer with it see node_up again."""
        self.sim.restart(name)
        self.sim.settle(timers=False)
        return self

    def shutdown(self) -> dict:
        """End the run as on a SIGTERM to all; returns {name: exit status}."""
        self.start()
        self.sim.shutdown()
        return {n.name: n.exit_code for n in self.sim.nodes}

    def _running(self, name):
        self.start()
        node = self.sim.by_name[name]
        if not node.running:
            raise BroScriptError([f"error: node {name} is not running"])
        return node

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.shutdown()


class NodeHandle:
    """One node of a Cluster: call its functions, read its globals."""

    def __init__(self, cluster: Cluster, node):
        self.cluster = cluster
        self._node = node

    @property
    def name(self) -> str:
        return self._node.name

    @property
    def running(self) -> bool:
        return self._node.running

    @property
    def stdout(self) -> str:
        return self.cluster._outputs[self.name][0].getvalue().decode("latin-1")

    @property
    def stderr(self) -> str:
        return self.cluster._outputs[self.name][1].getvalue().decode("latin-1")

    @property
    def _interp(self):
        self.cluster.start()
        return self._node.interp

    def ref(self, name: str) -> BroValue:
        """A global's own value (not a copy), to pass back into `call`."""
        return self._with(pyapi.ref, name)

    def get(self, name: str):
        """A global's value as a Python value."""
        return self._with(pyapi.get, name)

    def call(self, func: str, *args):
        """Call a script function (or builtin) with Python values (or refs);
        events it raises run, and their messages are delivered, before this
        returns the result as a Python value.  A function without a result
        type returns None; one that has a result type but returns nothing
        raises BroScriptError with Bro's warning.  Arguments convert only
        exactly (values_py.py): TypeError/ValueError name the argument."""
        interp = self._interp
        thunk, rtype = pyapi.prepare_call(interp, func, args)
        return self._run(thunk, rtype)

    def eval(self, expr: str):
        """Evaluate a Bro expression on this node; the result as a Python value."""
        self._alive()
        thunk, rtype = pyapi.prepare_eval(self._interp, expr)
        return self._run(thunk, rtype)

    def _run(self, thunk, rtype):
        node = self._node
        self._alive()
        sim = self.cluster.sim

        def after():
            sim.process(node)
            sim.settle(timers=False)
        return pyapi.run(node.interp, thunk, rtype, after,
                         on_exit=lambda code: sim.crash(node, code))

    def _alive(self):
        self.cluster.start()
        if not self._node.running:
            raise BroScriptError([f"error: node {self.name} is not running"])

    def _with(self, fn, name):
        try:
            return fn(self._interp, name)
        except KeyError:
            raise KeyError(f"{self.name} has no global {name!r}") from None

    def __repr__(self):
        return f"<NodeHandle {self.name}{'' if self.running else ' (stopped)'}>"


def _dict_cfg(layout: dict) -> str:
    """A Python layout in node.cfg terms -> node.cfg text."""
    lines = []
    for name, opts in layout.items():
        lines.append(f"[{name}]")
        for k, v in opts.items():
            lines.append(f"{k}={v}")
    return "\n".join(lines) + "\n"
