"""Command line, compatible with `bro` (language.md §7): arguments in, exit status out."""
from __future__ import annotations

import argparse
import os
import sys

from .errors import BroError, ScriptExit

USAGE = ("broscript [-b] [-a] [-e CODE] [--parse-only] [FILE ...] [NAME=VALUE ...]\n"
         "       broscript [-b] --simulate NODES [--layout FILE] [--node-output DIR] [FILE ...]\n"
         "       broscript [-b] --doc SCRIPT [--doc SCRIPT ...] [--doc-dir DIR]")


def build_argparser():
    p = argparse.ArgumentParser(prog="broscript", usage=USAGE,
                                description="Run Bro 2.6 scripts.")
    p.add_argument("-b", "--bare-mode", action="store_true", help="don't load the default library")
    p.add_argument("-a", "--parse-only-check", action="store_true", dest="check_only",
                   help="parse and check, then exit")
    p.add_argument("-e", "--exec", action="append", default=[], metavar="CODE",
                   help="extra code, run after the scripts")
    p.add_argument("--max-steps", type=int, metavar="N",
                   help="stop after N steps: loop iterations, calls, events, and one per "
                        "vector slot or string_fill byte made")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help="stop after SECONDS of run time")
    p.add_argument("--parse-only", action="store_true",
                   help="check each file's syntax on its own (no @load, no names)")
    p.add_argument("--doc", action="append", default=[], metavar="SCRIPT",
                   help="write SCRIPT's reST reference page as Bro 2.6's broxygen does")
    p.add_argument("--doc-dir", metavar="DIR",
                   help="with --doc: write one DIR/<script>.rst file per script, not stdout")
    sim = p.add_argument_group("cluster simulation (cluster.md §6)")
    sim.add_argument("--simulate", metavar="NODES",
                     help="run a whole cluster in one process: NODES is 'all' or node names, a,b,c")
    sim.add_argument("--layout", metavar="FILE",
                     help="the layout: a cluster-layout.bro or a zeekctl node.cfg "
                          "(default: cluster-layout on the script path)")
    sim.add_argument("--node-output", metavar="DIR",
                     help="write DIR/NAME/.stdout and .stderr per node instead of 'NAME: ' lines")
    sim.add_argument("--max-events", type=int, default=1_000_000, metavar="N",
                     help="stop a simulation that has run N events without coming to rest")
    sim.add_argument("--sim-time", type=float, metavar="SECONDS",
                     help="end a simulation when no timer is due within SECONDS of virtual time")
    p.add_argument("args", nargs="*", metavar="FILE|NAME=VALUE")
    return p


def main(argv=None) -> int:
    """Run in a thread with a large stack, so deep Bro recursion and deeply
    nested source reach our own limits, not the C stack's."""
    import threading
    result = []
    sys.setrecursionlimit(200000)
    threading.stack_size(512 * 1024 * 1024)
    def target():
        try:
            result.append(_main(argv))
        except SystemExit as ex:      # argparse: --help, usage errors
            result.append(ex.code if isinstance(ex.code, int) else 2)
    t = threading.Thread(target=target)
    t.start()
    t.join()
    return result[0] if result else 70


def _main(argv=None) -> int:
    opts = build_argparser().parse_args(argv)
    # buffered as Bro's stdout when not a terminal (runtime/streams.py)
    from .runtime.streams import open_stdout
    out = open_stdout()
    try:
        if opts.parse_only:
            from .parseonly import parse_only
            return parse_only(opts.args)
        if opts.doc:
            from .docs import main_doc
            return main_doc(opts.doc, opts.doc_dir, opts.bare_mode)
        if opts.simulate is not None:
            from .cluster.command import simulate
            return simulate(opts)
        return run(opts, out)
    except ScriptExit as ex:
        return ex.code
    except BroError as ex:
        sys.stderr.write(ex.render() + "\n")
        return 1
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly, as a C program would
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 141
    except RecursionError:
        sys.stderr.write("fatal error: nesting too deep for broscript\n")
        return 1
    except MemoryError:
        # Bro's out_of_memory(): a fatal error, not a crash of ours
        sys.stderr.write("fatal error: out of memory\n")
        return 1
    except Exception as ex:  # a bug of ours: one clear line, never a traceback
        if os.environ.get("BROSCRIPT_DEBUG"):
            raise
        sys.stderr.write(f"internal error: broscript failed: {type(ex).__name__}: {ex}\n")
        return 70
    finally:
        try:
            out.flush()
        except BrokenPipeError:
            pass


def run(opts, out) -> int:
    from .interp import Interpreter
    from .loader import command_line_sources
    interp = Interpreter(out=out)
    # Bro reads its seed file before any script (bifs/core-1.md §3): a
    # missing or short one is fatal here
    from .runtime import seeds
    seeds.for_interp(interp)
    budget = interp.runtime.budget
    if opts.max_steps is not None:
        budget.limit = budget.left = opts.max_steps
    if opts.timeout is not None:
        import threading
        timer = threading.Timer(opts.timeout, budget.expire, (opts.timeout,))
        timer.daemon = True
        timer.start()
    files = [a for a in opts.args if "=" not in a]
    params = [a for a in opts.args if "=" in a]
    for p in params:
        name, value = p.split("=", 1)
        if name == "Cluster::node" and value:
            # Bro applies NAME=VALUE after parsing, too late for the cluster
            # framework's parse-time @if; CLUSTER_NODE is what it reads first
            # (cluster.md §0), so the node is selected as BroControl would.
            os.environ["CLUSTER_NODE"] = value
    stdin_text = None
    if not files and not opts.exec and not sys.stdin.isatty():
        stdin_text = sys.stdin.buffer.read().decode("latin-1")
    sources = command_line_sources(interp, files, params, opts.exec, opts.bare_mode, stdin_text)
    try:
        interp.load_sources(sources)
    except BroError as ex:
        interp.reporter.write(ex.render())
        return 1
    if interp.reporter.errors:
        return 1
    if opts.check_only:
        return 0
    try:
        interp.run()
    except ScriptExit as ex:
        out.flush()
        return ex.code
    return 0
