"""Command line, compatible with `bro` (language.md §7): arguments in, exit
status out.  The options themselves are read in cli_options.py."""
from __future__ import annotations

import os
import sys

from .cli_options import UsageError, check, help_text, parse
from .errors import BroError, ScriptExit

# The Bro version whose script language broscript implements.
BRO_VERSION = "2.6"

# Python frames are small but many: one Bro call costs 3 Python frames in
# generated code and up to ~20 through nested closures, and the parser,
# checker and compiler recurse once per nesting level of the source.  A
# script 10,000 calls deep (runtime.py's MAX_CALL_DEPTH) or 10,000
# parentheses deep needs far more than Python's default of 1,000 frames, so
# the limit is raised to 200,000.  That is only safe with a C stack to match:
# the run happens in a thread whose stack is 512 MiB (address space reserved,
# memory used only as deep as the run goes), not the main thread's 8 MiB.
RECURSION_LIMIT = 200_000
THREAD_STACK = 512 * 1024 * 1024


def in_big_stack(fn, *args):
    """fn(*args) in a thread with a large stack and a high recursion limit
    (see above); returns its result, or 70 if it died of a Python error."""
    import threading
    result = []
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(THREAD_STACK)

    def target():
        result.append(fn(*args))
    # a daemon, so that Ctrl-C (which reaches the main thread) ends the
    # process even while a script loops: status 130, as after SIGINT
    t = threading.Thread(target=target, daemon=True)
    t.start()
    try:
        t.join()
    except KeyboardInterrupt:
        return 130
    return result[0] if result else 70


def main(argv=None) -> int:
    return in_big_stack(_main, sys.argv[1:] if argv is None else argv)


def entry() -> None:
    """The `broscript` command (and `python -m broscript`): main(), then the
    process ends without taking apart what the run built.  A run holds
    millions of objects (Bro's init-default alone makes ~2 million), and
    freeing them one by one at exit cost a tenth of a warm start.  What an
    exit must still do is done first: the exit handlers (the script
    cache's writes, files still open flushed as C's exit() flushes them)
    and the standard streams."""
    status = main()
    try:
        import atexit
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    finally:
        os._exit(status if isinstance(status, int) else 1)


def version_text() -> str:
    try:
        from importlib.metadata import version
        mine = version("broscript")
    except Exception:       # running from a source tree that is not installed
        mine = "unknown"
    return f"broscript version {mine} (the Bro {BRO_VERSION} script language)\n"


def _main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # messages carry script bytes as characters < 256: out as those bytes
    from .errors import message_streams_as_bytes
    message_streams_as_bytes(sys.stderr)
    try:
        opts = parse(argv)
        check(opts)
        opts.argv[:] = argv
    except UsageError as ex:
        sys.stderr.write(f"broscript: {ex}\n")
        return 1
    if opts.help:
        sys.stdout.write(help_text())
        return 0
    if opts.version:
        sys.stdout.write(version_text())
        return 0
    from . import cache
    cache.enable(not opts.no_cache and not opts.parse_only)
    # buffered as Bro's stdout when not a terminal (runtime/streams.py)
    from .runtime.streams import open_stdout
    out = open_stdout()
    try:
        if opts.parse_only:
            return parse_only(opts.files)
        if opts.doc:
            from .docs import main_doc
            return main_doc(opts.doc, opts.doc_dir, opts.bare_mode)
        if opts.simulate is not None:
            from .cluster.command import simulate
            # a simulated cluster reads standard input only where `-` is
            # named: with no file, its nodes run the library alone
            return simulate(opts, read_stdin(opts.files))
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


def run_files(opts) -> list:
    """The files of a run: as given, or `-` (standard input) when no file and
    no -e is given, in the place of the files, before NAME=VALUE (Bro's
    main.cc adds "-" as its input file; language.md §7.1)."""
    return opts.files or ([] if opts.exec else ["-"])


def read_stdin(files):
    """The script text on standard input, if this run reads it.  Bro reads
    it even from a terminal, until end of file; so does broscript."""
    if "-" in files:
        return sys.stdin.buffer.read().decode("latin-1")
    return None


def run_environ(opts) -> dict:
    """The environment of this run's interpreter (bytes to bytes): the
    process's own, plus CLUSTER_NODE for `Cluster::node=NAME`.  Bro applies
    NAME=VALUE after parsing, too late for the cluster framework's parse-time
    @if; CLUSTER_NODE is what it reads first (cluster.md §0), so the node is
    selected as BroControl would select it.  The process's own os.environ is
    left alone: an interpreter's environment is its own."""
    env = dict(os.environb)
    for p in opts.params:
        name, value = p.split("=", 1)
        if name == "Cluster::node" and value:
            env[b"CLUSTER_NODE"] = os.fsencode(value)
    return env


def run(opts, out) -> int:
    from . import memo
    files = run_files(opts)
    stdin_text = read_stdin(files)
    environ = run_environ(opts)
    key = None
    if not (opts.check_only or opts.max_steps is not None or opts.timeout is not None):
        # a run whose load checked cleanly before loads faster (memo.py);
        # -a checks everything by definition, and a step budget or time
        # limit counts from the start of one load only
        key = memo.run_key(opts.argv, environ, stdin_text or "")
    expect = memo.lookup(key)
    if expect is not None:
        try:
            return _load_and_run(opts, out, environ, files, stdin_text, key, expect)
        except memo.Miss:
            pass        # another program than last time: loaded again, checked as read
    return _load_and_run(opts, out, environ, files, stdin_text, key, None)


def _load_and_run(opts, out, environ, files, stdin_text, key, expect) -> int:
    from .interp import Interpreter
    from .loader import command_line_sources
    interp = Interpreter(out=out, environ=environ, memo_key=key, expect=expect)
    if opts.check_only:
        # Bro's -a checks every declaration it reads: none may wait for a
        # first use that never comes (deferred.py)
        interp.defer_declarations = False
    if opts.seed_file is not None:
        interp.seed_file = opts.seed_file
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
    try:
        return _run(interp, opts, out, command_line_sources(
            interp, files, [_as_source(p) for p in opts.params],
            [_as_source(c) for c in opts.exec], opts.bare_mode, stdin_text))
    finally:
        interp.reporter.finish()


def _as_source(arg: str) -> str:
    """A command-line argument as script text: its bytes one character
    each, as files are read (lexer.py), so `-e 'print "\u00e9";'` holds
    the two bytes the terminal sent."""
    return os.fsencode(arg).decode("latin-1")


def _run(interp, opts, out, sources) -> int:
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
        return 1 if interp.deferred_failed else ex.code
    # an error in a declaration made on first use, at run time (deferred.py)
    return 1 if interp.deferred_failed else 0


def parse_only(files) -> int:
    """--parse-only: each file's syntax on its own; `-` is standard input."""
    from . import parseonly
    failed = 0
    for f in files:
        if f != "-":
            failed += parseonly.parse_only([f])
            continue
        text = sys.stdin.buffer.read().decode("latin-1")
        try:
            parseonly.check_text("<stdin>", text)
        except BroError:
            try:
                parseonly.check_text("<stdin>", text, both_branches=False)
            except BroError as ex:
                sys.stderr.write(ex.render() + "\n")
                failed += 1
    return 1 if failed else 0
