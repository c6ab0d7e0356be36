"""`broscript --simulate NODES ...`: a cluster run from the command line."""
from __future__ import annotations

import io
import os
import sys

from ..errors import BroError
from ..loader import command_line_sources
from .layout import layout_override, read_layout, start_order
from .sim import DEFAULT_MAX_EVENTS, NOT_STARTED, PrefixedLines, Simulation, SimulationLimit


def simulate(opts, stdin_text=None) -> int:
    files, params = opts.files, opts.params
    if any(p.split("=", 1)[0] == "Cluster::node" for p in params):
        sys.stderr.write("broscript: --simulate chooses each node's Cluster::node itself\n")
        return 1
    override = layout_override(opts.layout) if opts.layout else None
    layout = read_layout(override)
    names = start_order(layout, opts.simulate)
    if not names:
        raise BroError("the layout has no node to start", None, "fatal error")
    problem = check_nodes(layout, names)
    if problem:
        # before any node starts: a name the layout lacks would otherwise
        # only show as errors from inside the cluster framework
        sys.stderr.write(f"broscript: --simulate: {problem}\n")
        return 1

    outdir = opts.node_output
    buffers = {}

    def streams(name):
        if outdir is not None:
            buffers[name] = (io.BytesIO(), io.BytesIO())
            return buffers[name]
        return (PrefixedLines(name, sys.stdout.buffer), PrefixedLines(name, sys.stderr.buffer))

    def sources(interp):
        # every Interpreter of the run gets -G's seed file (bifs/core-1.md §3)
        if opts.seed_file is not None:
            interp.seed_file = opts.seed_file
        return command_line_sources(interp, files, params, opts.exec, opts.bare_mode, stdin_text)

    budget = None
    if opts.max_steps is not None or opts.timeout is not None:
        from ..runtime.runtime import Budget
        budget = Budget(opts.max_steps)
        if opts.timeout is not None:
            import threading
            timer = threading.Timer(opts.timeout, budget.expire, (opts.timeout,))
            timer.daemon = True
            timer.start()

    max_events = opts.max_events if opts.max_events is not None else DEFAULT_MAX_EVENTS
    sim = Simulation(names, sources, streams, dict(os.environb), max_events=max_events,
                     until=opts.sim_time, budget=budget, layout_override=override,
                     layout_names=[n for n, _ in layout],
                     memo_args=opts.argv + [stdin_text or ""])
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
            if node.interp is not None:
                node.interp.reporter.finish()
            for s in (node.out, node.err):
                if isinstance(s, PrefixedLines):
                    s.close_line()
        if outdir is not None:
            write_node_output(outdir, buffers)
    return status


def check_nodes(layout, names) -> str:
    """What is wrong with the nodes chosen to start, or ''."""
    types = dict(layout)
    # sorted: the layout is a table, walked in Bro's hash order
    startable = sorted(n for n, t in layout if t not in NOT_STARTED)
    for n in names:
        if n not in types:
            return (f"the layout has no node '{n}' (its nodes: {', '.join(startable)})")
        if types[n] in NOT_STARTED:
            return (f"node '{n}' is a {types[n]}, not a Bro process "
                    f"(the layout's nodes: {', '.join(startable)})")
    return ""


def write_node_output(outdir, buffers):
    """DIR/NAME/.stdout and .stderr, as btest-bg-run leaves them."""
    for name, (out, err) in buffers.items():
        d = os.path.join(outdir, name)
        try:
            os.makedirs(d, exist_ok=True)
            for fname, buf in ((".stdout", out), (".stderr", err)):
                with open(os.path.join(d, fname), "wb") as fh:
                    fh.write(buf.getvalue())
        except OSError as ex:
            raise BroError(f"can't write --node-output {ex.filename or d}: {ex.strerror}",
                           None, "fatal error") from None
