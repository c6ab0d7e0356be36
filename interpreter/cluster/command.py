"""`broscript --simulate NODES ...`: a cluster run from the command line."""
from __future__ import annotations

import io
import os
import sys

from ..errors import BroError
from ..loader import command_line_sources
from .layout import layout_override, read_layout, start_order
from .sim import PrefixedLines, Simulation, SimulationLimit


def simulate(opts) -> int:
    files = [a for a in opts.args if "=" not in a]
    params = [a for a in opts.args if "=" in a]
    if any(p.split("=", 1)[0] == "Cluster::node" for p in params):
        sys.stderr.write("error: --simulate chooses each node's Cluster::node itself\n")
        return 2
    override = layout_override(opts.layout) if opts.layout else None
    layout = read_layout(override)
    names = start_order(layout, opts.simulate)
    if not names:
        raise BroError("the layout has no node to start", None, "fatal error")

    outdir = opts.node_output
    buffers = {}

    def streams(name):
        if outdir is not None:
            buffers[name] = (io.BytesIO(), io.BytesIO())
            return buffers[name]
        return (PrefixedLines(name, sys.stdout.buffer), PrefixedLines(name, sys.stderr.buffer))

    def sources(interp):
        return command_line_sources(interp, files, params, opts.exec, opts.bare_mode)

    budget = None
    if opts.max_steps is not None or opts.timeout is not None:
        from ..runtime.runtime import Budget
        budget = Budget(opts.max_steps)
        if opts.timeout is not None:
            import threading
            timer = threading.Timer(opts.timeout, budget.expire, (opts.timeout,))
            timer.daemon = True
            timer.start()

    sim = Simulation(names, sources, streams, dict(os.environb), max_events=opts.max_events,
                     until=opts.sim_time, budget=budget, layout_override=override,
                     layout_names=[n for n, _ in layout])
    sim.log_root = outdir
    status = 0
    try:
        status = sim.run()
    except SimulationLimit as ex:
        if ex.args and ex.args[0]:
            sys.stderr.write(f"fatal error: {ex.args[0]}\n")
        status = 1
    finally:
        for node in sim.nodes:
            for s in (node.out, node.err):
                if isinstance(s, PrefixedLines):
                    s.close_line()
        if outdir is not None:
            write_node_output(outdir, buffers)
    return status


def write_node_output(outdir, buffers):
    """DIR/NAME/.stdout and .stderr, as btest-bg-run leaves them."""
    for name, (out, err) in buffers.items():
        d = os.path.join(outdir, name)
        os.makedirs(d, exist_ok=True)
        for fname, buf in ((".stdout", out), (".stderr", err)):
            with open(os.path.join(d, fname), "wb") as fh:
                fh.write(buf.getvalue())
