"""Processes and the host: system, system_env, piped_exec, getpid,
gethostname, bro_version and the run-mode questions (bifs/core-1.md §1, §9).
Commands run as real processes under /bin/sh with the run's environment."""
from __future__ import annotations

import os

from ..runtime.values import addr_is_v4
from .bifutil import c_string, reporter_error, text
from .registry import builtin

# libc system() and popen() run /bin/sh as "sh": its messages say "sh: 1: ..."
_SH = "/bin/sh"


def _env(ctx):
    """The environment children inherit: the run's own (setenv changes it)."""
    env = ctx.interp.environ
    return None if env is os.environb else dict(env)


def _system(ctx, cmd: bytes) -> int:
    """C system() of `(CMD) 1>&2 &`: the shell backgrounds the command and
    exits at once; the result is its raw wait status (bro.bif system)."""
    import subprocess       # here: most runs start no process
    line = b"(" + cmd + b") 1>&2 &"
    try:
        # a simulated node with a directory of its own (--node-output) runs
        # its commands there, as each Bro of a cluster runs in its own
        proc = subprocess.Popen(["sh", "-c", line], executable=_SH, env=_env(ctx), stdin=None,
                                cwd=getattr(ctx.interp, "log_dir", None))
    except OSError:
        return -1
    rc = proc.wait()
    # subprocess gives -N for a signal; system() gives the raw wait status
    return -rc if rc < 0 else rc << 8


@builtin("function system(str: string): int")
def system(ctx, str):
    return _system(ctx, c_string(ctx, str))


@builtin("function system_env(str: string, env: table_string_of_string): int", lazy=True)
def system_env(ctx, str, env):
    # BRO_ARG_<KEY> in Bro's own environment for the launch, then unset,
    # also when they existed before (bro.bif system_env)
    environ = ctx.interp.environ
    names = []
    for entry in list(env.data.values()):
        key, val = entry[0][0], entry[1]
        name = b"BRO_ARG_" + c_string(ctx, key).upper()
        try:
            environ[name] = c_string(ctx, val)
        except (OSError, ValueError):
            continue
        names.append(name)
    try:
        return _system(ctx, c_string(ctx, str))
    finally:
        for name in names:
            environ.pop(name, None)


@builtin("function piped_exec(program: string, to_write: string): bool")
def piped_exec(ctx, program, to_write):
    import subprocess
    # popen(program, "w"), write everything, pclose() waits for the child
    prog = c_string(ctx, program)
    try:
        proc = subprocess.Popen(["sh", "-c", prog], executable=_SH, stdin=subprocess.PIPE,
                                env=_env(ctx))
    except OSError:
        reporter_error(ctx, f"Failed to popen {text(prog)}")
        return False
    ok = True
    try:
        proc.stdin.write(to_write)
        proc.stdin.flush()
    except (BrokenPipeError, OSError):
        ok = False
    try:
        proc.stdin.close()
    except (BrokenPipeError, OSError):
        ok = False
    proc.wait()
    if not ok:
        reporter_error(ctx, f"Failed to write all given data to {text(prog)}")
        return False
    return True


@builtin("function getpid(): count")
def getpid(ctx):
    return os.getpid()


@builtin("function gethostname(): string")
def gethostname(ctx):
    import socket
    try:
        return socket.gethostname().encode("latin-1", "replace") or b"<unknown>"
    except OSError:
        return b"<unknown>"


@builtin("function bro_version(): string")
def bro_version(ctx):
    return b"2.6"


@builtin("function current_analyzer(): count")
def current_analyzer(ctx):
    return 0        # no event of a run without packets comes from an analyzer


@builtin("function reading_live_traffic(): bool")
def reading_live_traffic(ctx):
    return False


@builtin("function reading_traces(): bool")
def reading_traces(ctx):
    return False


@builtin("function is_external_connection(c: connection): bool", lazy=True)
def is_external_connection(ctx, c):
    return False    # a script's connection record has no core connection


@builtin("function do_profiling(): any")
def do_profiling(ctx):
    return None     # profiling is never enabled in broscript


@builtin("function dump_rule_stats(f: file): bool")
def dump_rule_stats(ctx, f):
    # The signature engine's statistics; ours matches file magic without
    # DFA states, so every number is 0 (bifs/core-1.md §9: build-dependent)
    t = ctx.rt.network_time
    data = (f"{t:.6f} computed dfa states = 0; classes = ??; computed trans. = 0; "
            f"matchers = 0; mem = 0\n{t:.6f} DFA cache hits = 0; misses = 0\n").encode()
    if f.fh is None:
        ctx.rt.out.write(data)
    else:
        f.fh.write(data)
    return True


_LOOPBACK6 = 1


@builtin("function is_local_interface(ip: addr): bool")
def is_local_interface(ctx, ip):
    import socket
    if addr_is_v4(ip) and (ip >> 24) & 0xFF == 127 or ip == _LOOPBACK6:
        return True
    from ..runtime.addrs import parse_addr
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None)
    except (OSError, UnicodeError):
        return False
    for info in infos:
        try:
            if parse_addr(info[4][0].split("%")[0]) == ip:
                return True
        except ValueError:
            continue
    return False
