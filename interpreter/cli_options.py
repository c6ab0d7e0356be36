"""The command line's options: Bro 2.6's (`bro --help`) and broscript's own,
read as glibc's getopt_long reads them (language.md §7.1).

Bro parses its arguments with getopt_long, which permutes: options may come
anywhere among the file names (`broscript x.bro -b y.bro`), `--` ends the
options, a lone `-` is an operand (standard input), short options cluster
(`-be CODE`), an option's argument is the rest of its word or the next word
(even one that starts with `-`), and a long option may be shortened to any
unique prefix (`--bare`).  Python's argparse does none of this the same way,
so the options are read here, from one table that also writes `--help`.

Every option of Bro 2.6 is in the table: the ones broscript implements do
what Bro does; the others are refused with one line that says what broscript
does not do (it reads no packets, keeps no state files, has no plugins...),
exit status 1, as Bro's own usage errors end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


class UsageError(Exception):
    """A command line broscript cannot run: one line, exit status 1."""


@dataclass(frozen=True)
class Opt:
    short: Optional[str]          # "b", or None
    long: Optional[str]           # "bare-mode", or None
    arg: str                      # "" (none), "ARG" (required), "[=ARG]" (optional, long only)
    dest: Optional[str]           # attribute of Options it sets; None: refused
    help: str
    refusal: str = ""             # for refused options: what broscript does not do, and why
    group: str = "bro"


NO_PACKETS = "broscript reads no packets"

# Bro 2.6's options (main.cc usage), then broscript's own.  The help text of
# a refused option says what it does in Bro; its refusal says why broscript
# cannot.
OPTIONS = [
    # --- Bro 2.6 options broscript implements
    Opt("a", None, "", "check_only", "parse and check the scripts, then exit (0 or 1)"),
    Opt("b", "bare-mode", "", "bare_mode", "don't load the default library (base/init-default)"),
    Opt("e", "exec", "CODE", "exec", "extra code, read after all files (file name <command line>)"),
    Opt("h", "help", "", "help", "print this help and exit"),
    Opt("?", None, "", "help", "the same as -h"),
    Opt("v", "version", "", "version", "print broscript's version and the Bro version it implements"),
    Opt("C", "no-checksums", "", "no_checksums",
        "ignore checksums: accepted and harmless, broscript verifies none (it reads no packets)"),
    Opt("G", "load-seeds", "FILE", "seed_file",
        "load the random seeds from FILE (wins over BRO_SEED_FILE)"),
    # --- Bro 2.6 options broscript refuses
    Opt("d", "debug-policy", "", None, "activate the script debugger",
        "broscript has no script debugger: -d needs Bro's interactive debugger"),
    Opt("f", "filter", "FILTER", None, "tcpdump filter",
        f"{NO_PACKETS}: -f needs a packet source"),
    Opt("g", "dump-config", "", None, "dump the configuration into the .state directory",
        "broscript keeps no .state directory: -g needs Bro's state serialization"),
    Opt("i", "iface", "INTERFACE", None, "read packets from a network interface",
        f"{NO_PACKETS}: -i needs a network interface"),
    Opt("p", "prefix", "PREFIX", None, "add a prefix to script loading (@prefixes)",
        "broscript does not support @prefixes: -p adds a script prefix"),
    Opt("r", "readfile", "FILE", None, "read packets from a pcap file",
        f"{NO_PACKETS}: -r needs a packet source"),
    Opt("s", "rulefile", "FILE", None, "read signatures from a file",
        "broscript has no signature engine: -s needs one to load rules"),
    Opt("t", "tracefile", "FILE", None, "trace the script's execution into a file",
        "broscript does not trace execution: -t needs Bro's statement tracer"),
    Opt("w", "writefile", "FILE", None, "write packets to a pcap file",
        f"{NO_PACKETS}: -w writes packets it has read"),
    Opt("x", "print-state", "FILE", None, "print the contents of a state file",
        "broscript keeps no state files: -x needs Bro's state serialization"),
    Opt("z", "analyze", "ANALYSIS", None, "run a policy file analysis",
        "broscript has no policy analyses: -z needs Bro's analysis passes"),
    Opt("A", None, "ARG", None, "not implemented",
        "broscript does not implement -A: it runs only Bro 2.6's script language"),
    Opt("B", "debug", "STREAMS", None, "debug output of Bro's internal streams",
        "broscript has none of Bro's internal debug streams: -B needs a debug build of Bro"),
    Opt("D", None, "ARG", None, "not implemented",
        "broscript does not implement -D: it runs only Bro 2.6's script language"),
    Opt("F", "force-dns", "", None, "force DNS",
        "broscript does no DNS lookups: -F needs Bro's DNS manager"),
    Opt("H", "save-seeds", "FILE", None, "save the random seeds to a file",
        "broscript does not save seeds: -H needs Bro's seed generation (use -G to load them)"),
    Opt("I", "print-id", "ID", None, "print an identifier's type and value",
        "broscript does not print identifiers: use -e 'print ID;' instead of -I"),
    Opt("J", "set-seed", "SEED", None, "set the random number seed",
        "broscript does not set the seed from a number: use -G FILE instead of -J"),
    Opt("K", "md5-hashkey", "KEY", None, "set the key of MD5-keyed hashing",
        "broscript takes the hash key only from a seed file: use -G FILE instead of -K"),
    Opt("N", "print-plugins", "", None, "print the available plugins",
        "broscript has no plugins: -N lists Bro's"),
    Opt("O", "optimize", "", None, "optimize the policy scripts",
        "broscript compiles scripts its own way: -O has nothing to turn on"),
    Opt("o", None, "ARG", None, "not implemented",
        "broscript does not implement -o: it runs only Bro 2.6's script language"),
    Opt("P", "prime-dns", "", None, "prime the DNS cache",
        "broscript does no DNS lookups: -P needs Bro's DNS manager"),
    Opt("Q", "time", "", None, "print an execution time summary",
        "broscript does not measure execution time: -Q needs Bro's profiler"),
    Opt("R", "replay", "FILE", None, "replay events from a state file",
        "broscript keeps no state files: -R needs Bro's event serialization"),
    Opt("S", "debug-rules", "", None, "debug the signature engine",
        "broscript has no signature engine: -S debugs one"),
    Opt("T", "re-level", "LEVEL", None, "set RE_level for rules",
        "broscript has no signature engine: -T tunes one"),
    Opt("U", "status-file", "FILE", None, "record the process status in a file",
        "broscript writes no status file: -U needs Bro's process control"),
    Opt("W", "watchdog", "", None, "activate the watchdog timer",
        "broscript has no watchdog: use --timeout SECONDS instead of -W"),
    Opt("X", "broxygen", "CONFIG", None, "write documentation as a broxygen config file says",
        "broscript reads no broxygen config file: use --doc SCRIPT instead of -X"),
    Opt("Z", "doc-scripts", "", None, "write documentation of the loaded scripts",
        "broscript reads no broxygen config file: use --doc SCRIPT instead of -Z"),
    Opt("m", "mem-leaks", "", None, "show memory leaks (perftools)",
        "broscript is not built with perftools: -m needs it"),
    Opt("M", "mem-profile", "", None, "record a heap profile (perftools)",
        "broscript is not built with perftools: -M needs it"),
    Opt(None, "pseudo-realtime", "[=SPEEDUP]", None, "replay a trace at its own pace",
        f"{NO_PACKETS}: --pseudo-realtime paces a packet trace"),
    Opt(None, "print-statements", "", None, "print the statements as they run",
        "broscript does not trace execution: --print-statements needs Bro's statement tracer"),
    # --- broscript's own
    Opt(None, "parse-only", "", "parse_only",
        "the syntax of each file on its own: no @load, no name resolution; exit 1 if any "
        "file fails (not Bro's --parse-only, which is -a here)", group="own"),
    Opt(None, "max-steps", "N", "max_steps",
        "stop after N steps (loop iterations, calls, events, one per vector slot or "
        "string_fill byte made): a fatal error, exit 1", group="own"),
    Opt(None, "timeout", "SECONDS", "timeout", "the same after SECONDS of run time", group="own"),
    Opt(None, "no-cache", "", "no_cache",
        "neither read nor write the script cache ($BROSCRIPT_CACHE_DIR, else "
        "$XDG_CACHE_HOME/broscript or ~/.cache/broscript)", group="own"),
    Opt(None, "doc", "SCRIPT", "doc",
        "write SCRIPT's reST reference page as Bro 2.6's broxygen does (repeatable)", group="doc"),
    Opt(None, "doc-dir", "DIR", "doc_dir",
        "with --doc: write DIR/<script>.rst files instead of stdout", group="doc"),
    Opt(None, "simulate", "NODES", "simulate",
        "run a cluster in one process: 'all' or node names a,b,c",
        group="sim"),
    Opt(None, "layout", "FILE", "layout",
        "the layout: a cluster-layout.bro or a zeekctl node.cfg (default: cluster-layout "
        "on the script path)", group="sim"),
    Opt(None, "node-output", "DIR", "node_output",
        "write DIR/NAME/.stdout and .stderr per node instead of 'NAME: ' lines", group="sim"),
    Opt(None, "max-events", "N", "max_events",
        "stop a simulation that ran N events without coming to rest (default 1000000)",
        group="sim"),
    Opt(None, "sim-time", "SECONDS", "sim_time",
        "end a simulation once no timer is due within SECONDS of virtual time", group="sim"),
]

BY_SHORT = {o.short: o for o in OPTIONS if o.short}
BY_LONG = {o.long: o for o in OPTIONS if o.long}
# repeatable options collect a list
LISTS = {"exec", "doc"}


@dataclass
class Options:
    operands: list = field(default_factory=list)   # files, "-", NAME=VALUE, in order
    given: list = field(default_factory=list)      # how each option given was spelled
    check_only: bool = False
    bare_mode: bool = False
    exec: list = field(default_factory=list)
    help: bool = False
    version: bool = False
    no_checksums: bool = False
    seed_file: Optional[str] = None
    parse_only: bool = False
    max_steps: Optional[int] = None
    timeout: Optional[float] = None
    no_cache: bool = False
    doc: list = field(default_factory=list)
    doc_dir: Optional[str] = None
    simulate: Optional[str] = None
    layout: Optional[str] = None
    node_output: Optional[str] = None
    max_events: Optional[int] = None
    sim_time: Optional[float] = None
    argv: list = field(default_factory=list)       # the whole command line (memo.py's key)

    @property
    def files(self) -> list:
        return [a for a in self.operands if "=" not in a]

    @property
    def params(self) -> list:
        return [a for a in self.operands if "=" in a]

    def spelled(self, dest) -> str:
        """How the command line named the option that sets `dest`."""
        for d, s in self.given:
            if d == dest:
                return s
        return dest


def parse(argv: list[str]) -> Options:
    """getopt_long's reading of argv (see the module's comment)."""
    opts = Options()
    i = 0
    while i < len(argv):
        a = argv[i]
        i += 1
        if a == "--":
            opts.operands.extend(argv[i:])
            break
        if a.startswith("--"):
            name, eq, value = a[2:].partition("=")
            o = _long(name)
            if o.dest is None:
                raise UsageError(o.refusal)     # with or without its argument
            if o.arg == "":
                if eq:
                    raise UsageError(f"option --{o.long} takes no argument")
                value = None
            elif o.arg.startswith("[") or eq:
                value = value if eq else None
            elif i < len(argv):
                value = argv[i]
                i += 1
            else:
                raise UsageError(f"option --{o.long} needs an argument ({o.arg})")
            _set(opts, o, value, "--" + o.long)
        elif a.startswith("-") and a != "-":
            j = 1
            while j < len(a):
                c = a[j]
                j += 1
                o = BY_SHORT.get(c)
                if o is None:
                    raise UsageError(f"unknown option -{c} (broscript --help lists the options)")
                if o.dest is None:
                    raise UsageError(o.refusal)
                value = None
                if o.arg:
                    if j < len(a):
                        value, j = a[j:], len(a)
                    elif i < len(argv):
                        value = argv[i]
                        i += 1
                    else:
                        raise UsageError(f"option -{c} needs an argument ({o.arg})")
                _set(opts, o, value, "-" + c)
        else:
            opts.operands.append(a)
    return opts


def _long(name: str) -> Opt:
    """An exact long name, or the one option it is a prefix of."""
    if name in BY_LONG:
        return BY_LONG[name]
    cands = [o for n, o in BY_LONG.items() if n.startswith(name)] if name else []
    if len(cands) == 1:
        return cands[0]
    if cands:
        names = ", ".join("--" + o.long for o in cands)
        raise UsageError(f"option --{name} is ambiguous ({names})")
    raise UsageError(f"unknown option --{name} (broscript --help lists the options)")


def _set(opts: Options, o: Opt, value, spelled: str):
    if o.dest is None:
        raise UsageError(o.refusal)
    opts.given.append((o.dest, spelled))
    d = o.dest
    if d in LISTS:
        getattr(opts, d).append(value)
    elif not o.arg:
        setattr(opts, d, True)
    elif d in ("max_steps", "max_events"):
        setattr(opts, d, _number(spelled, value, int, "a whole number"))
    elif d in ("timeout", "sim_time"):
        setattr(opts, d, _number(spelled, value, float, "a number of seconds"))
    else:
        setattr(opts, d, value)


def _number(spelled, text, kind, what):
    try:
        n = kind(text)
    except ValueError:
        raise UsageError(f"{spelled} needs {what}, not '{text}'")
    if n != n or n == float("inf"):
        raise UsageError(f"{spelled} needs a finite {what[2:]}, not '{text}'")
    if n < 0:
        raise UsageError(f"{spelled} needs {what} of 0 or more, not '{text}'")
    return n


def check(opts: Options):
    """Combinations that would do nothing are refused (issue 15 §2)."""
    def spelled(*dests):
        """How the options setting `dests` were written, in command-line order."""
        order = [d for d, _ in opts.given]
        chosen = sorted((d for d in dests if _is_set(opts, d)),
                        key=lambda d: order.index(d) if d in order else len(order))
        return [opts.spelled(d) for d in chosen]

    if opts.help or opts.version:
        return
    plugins = [a for a in opts.files if "::" in a]
    if plugins:
        # Bro reads an operand with '::' (and no '=') as a plugin to activate
        raise UsageError(f"broscript has no plugins: {plugins[0]} names a Bro plugin to activate")
    if opts.files.count("-") > 1:
        raise UsageError("- (standard input) is named more than once")
    sim_only = spelled("layout", "node_output", "max_events", "sim_time")
    if sim_only and opts.simulate is None:
        raise UsageError(f"{sim_only[0]} needs --simulate")
    if opts.doc_dir is not None and not opts.doc:
        raise UsageError("--doc-dir needs --doc")
    modes = spelled("parse_only", "doc", "simulate")
    if len(modes) > 1:
        raise UsageError(f"{modes[0]} and {modes[1]} cannot be combined")
    if opts.check_only and opts.simulate is not None:
        raise UsageError("-a and --simulate cannot be combined: -a checks the scripts of one run")
    if opts.parse_only:
        if not opts.files:
            raise UsageError("--parse-only needs a file to check")
        extra = spelled("exec", "check_only", "bare_mode", "seed_file", "max_steps", "timeout")
        if extra:
            raise UsageError(f"{extra[0]} does nothing under --parse-only (it runs no script)")
        if opts.params:
            raise UsageError(f"{opts.params[0]} does nothing under --parse-only (it sets no value)")
    if opts.doc:
        extra = spelled("exec", "check_only", "seed_file", "max_steps", "timeout")
        if extra:
            raise UsageError(f"{extra[0]} does nothing under --doc (it runs no script)")
        if opts.operands:
            raise UsageError(f"--doc takes the scripts to document as its own arguments, "
                             f"not {opts.operands[0]} (write --doc {opts.operands[0]})")
    if opts.simulate is not None:
        if not opts.simulate.strip(" ,"):
            raise UsageError("--simulate needs 'all' or node names")


def _is_set(opts, dest):
    v = getattr(opts, dest)
    return v not in (None, False, [])


def help_text() -> str:
    groups = [
        ("own", "broscript's options"),
        ("sim", "cluster simulation (docs/spec/cluster.md §6)"),
        ("doc", "reference pages (docs/spec/zeekygen.md)"),
    ]
    lines = [
        "usage: broscript [options] [FILE | - | NAME=VALUE ...]",
        "       broscript [-b] --simulate NODES [--layout FILE] [--node-output DIR] [FILE ...]",
        "       broscript [-b] --doc SCRIPT [--doc SCRIPT ...] [--doc-dir DIR]",
        "       broscript --parse-only FILE ...",
        "",
        "Runs Bro 2.6 scripts.  Options and operands may come in any order; -- ends the options.",
        "",
        "operands",
        _row("FILE", "a script to load, found as @load finds it (BROPATH, then broscript's library)"),
        _row("-", "read a script from standard input (as when no FILE and no -e is given)"),
        _row("NAME=VALUE", "redef NAME=VALUE; after all files (string globals get quotes)"),
        "",
        "Bro 2.6 options broscript implements",
    ]
    lines += [_opt_row(o) for o in OPTIONS if o.dest is not None and o.group == "bro"]
    for key, title in groups:
        lines += ["", title] + [_opt_row(o) for o in OPTIONS if o.group == key]
    lines += ["", "Bro 2.6 options broscript refuses (exit 1, with the reason)"]
    lines += [_row(_spell(o), f"{o.help} ({o.refusal.split(':')[0]})")
              for o in OPTIONS if o.dest is None]
    lines += ["", "environment",
              _row("BROPATH, ZEEKPATH", "the script path, colon separated (default .)"),
              _row("BRO_SEED_FILE", "the seed file when -G is not given"),
              _row("BROSCRIPT_DEBUG=1", "show a Python traceback when broscript itself fails")]
    return "\n".join(lines) + "\n"


def _spell(o: Opt) -> str:
    names = []
    if o.short:
        names.append("-" + o.short)
    if o.long:
        names.append("--" + o.long)
    s = "|".join(names)
    if o.arg.startswith("["):
        return s + o.arg
    return s + (" " + o.arg if o.arg else "")


def _opt_row(o: Opt) -> str:
    return _row(_spell(o), o.help)


def _row(left: str, right: str) -> str:
    import textwrap
    first = f"  {left:<28} "
    if len(first) > 31:
        first = f"  {left}\n" + " " * 31
    return first + "\n".join(textwrap.wrap(right, 100 - 31)).replace("\n", "\n" + " " * 31)
