"""Start-up, parsing and cluster-boot figures (issue 12), each printed.

    python benchmarks/startup_bench.py [--runs N] [--skip-182]

  * parse: `broscript --parse-only` over the .bro files of Bro 2.6's library
    (../shared/bro-2.6/scripts), no cache, in MB/s;
  * `python -c 'import lark'`, the yardstick of the start-up ratios, run
    back to back with each figure it divides;
  * `broscript -b -e ''` (our own library) with an empty (cold) and a filled
    (warm) script cache, and its ratio to importing Lark;
  * `broscript -e ''` with Bro 2.6's tree on BROPATH, cold and warm; while
    its init-default does not load, `-b` plus the longest prefix of
    init-default's @loads that does;
  * the hrw per-key ratio of hrw_bench.py;
  * `--simulate all` of 9, 52 and 182 nodes (1 logger, 1 manager, 3/10/30
    proxies, 4/40/150 workers), warm cache: seconds and seconds per node.

A warm cache is one a run of the same command line has filled: it holds
the parsed scripts and the start-up memo (memo.py), so a warm run checks
function bodies on their first call.

Every figure is the best of N runs of a subprocess, as wall-clock seconds
and as CPU seconds (user + system of the child): the CPU figure is the
steadier one on a shared machine.  Children run without
PYTHONDONTWRITEBYTECODE, so that Python's own .pyc files exist after the
first run, as they do for an installed package.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BRO = REPO.parent / "shared" / "bro-2.6" / "scripts"


def child_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def timed(cmd, env, cwd=None, before=None):
    """(wall seconds, cpu seconds, CompletedProcess) of one run."""
    if before is not None:
        before()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return wall, cpu, proc


def best(runs, cmd, env, cwd=None, before=None):
    walls, cpus, proc = [], [], None
    for _ in range(runs):
        w, c, proc = timed(cmd, env, cwd, before)
        walls.append(w)
        cpus.append(c)
    return min(walls), min(cpus), proc


def broscript(*args):
    return [sys.executable, "-m", "broscript", *args]


def layout(proxies: int, workers: int) -> str:
    lines = ["redef Cluster::nodes = {",
             '\t["logger"] = [$node_type=Cluster::LOGGER, $ip=127.0.0.1, $p=47761/tcp],',
             '\t["manager"] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47762/tcp],']
    port = 47763
    for i in range(1, proxies + 1):
        lines.append(f'\t["proxy-{i}"] = [$node_type=Cluster::PROXY, $ip=127.0.0.1, '
                     f'$p={port}/tcp, $manager="manager"],')
        port += 1
    for i in range(1, workers + 1):
        lines.append(f'\t["worker-{i}"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, '
                     f'$p={port}/tcp, $manager="manager", $interface="eth{i}"],')
        port += 1
    lines += ["};", "redef Cluster::manager_is_logger = F;"]
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--skip-182", action="store_true", help="leave out the 182-node cluster")
    opts = ap.parse_args()
    n = opts.runs
    tmp = Path(tempfile.mkdtemp(prefix="broscript-bench-"))
    try:
        run_all(n, tmp, opts.skip_182)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"machine: {os.cpu_count()} cores (nproc), {model}, {os.uname().sysname} "
            f"{os.uname().machine}, Python {sys.version.split()[0]}")


def ratio_to_lark(n, cmd, env, lark_cmd, before=None):
    """(wall, cpu, lark wall, lark cpu): `cmd` and `import lark` run back to
    back n times, each figure the best of its n runs, so that both sides
    see the same load on a shared machine."""
    walls, cpus, lwalls, lcpus, proc = [], [], [], [], None
    for _ in range(n):
        w, c, proc = timed(cmd, env, before=before)
        lw, lc, _ = timed(lark_cmd, env)
        walls.append(w)
        cpus.append(c)
        lwalls.append(lw)
        lcpus.append(lc)
    return min(walls), min(cpus), min(lwalls), min(lcpus), proc


def show_ratio(label, fig, target=""):
    w, c, lw, lc, _ = fig
    print(f"{label}: {w:.3f} / {c:.3f}  = {w / lw:.2f}x / {c / lc:.2f}x import lark"
          f"{'  (target <= ' + target + ')' if target else ''}")


def bro_loads(env) -> list[str]:
    """The longest prefix of init-default's @loads that loads under -b with
    Bro's tree on BROPATH (while init-default itself does not load)."""
    loads = [ln.split()[1] for ln in (BRO / "base" / "init-default.bro").read_text().splitlines()
             if ln.startswith("@load ")]

    def ok(k):
        code = "".join(f"@load {x}\n" for x in loads[:k])
        proc = subprocess.run(broscript("-b", "-e", code), env=env, capture_output=True,
                              stdin=subprocess.DEVNULL)
        return proc.returncode == 0 and not proc.stderr
    lo, hi = 0, len(loads)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ok(mid):
            lo = mid
        else:
            hi = mid - 1
    return loads[:lo]


def run_all(n, tmp: Path, skip_182: bool):
    print(machine())
    print(f"each figure the best of {n} runs; wall s / cpu s (cpu = user + system of the child)")
    warm = tmp / "warm-cache"
    env = child_env(BROSCRIPT_CACHE_DIR=str(warm), BROPATH=".")
    subprocess.run(broscript("-b", "-e", ""), env=env, capture_output=True)   # .pyc files
    lark = [sys.executable, "-c", "import lark"]

    # ---------------------------------------------------------------- parsing
    files = sorted(str(p) for p in BRO.rglob("*.bro"))
    size = sum(os.path.getsize(f) for f in files)
    w, c, _ = best(n, broscript("--parse-only", *files), env)
    print(f"parse-only, {len(files)} files of Bro 2.6, {size / 1e6:.2f} MB: "
          f"{size / 1e6 / w:.2f} MB/s wall, {size / 1e6 / c:.2f} MB/s cpu  (target >= 1.5)")

    # ---------------------------------------------------------------- start-up
    lw, lc, _ = best(n, lark, env)
    print(f"python -c 'import lark' (the yardstick): {lw:.3f} / {lc:.3f}")
    cold = tmp / "cold-cache"
    cold_env = child_env(BROSCRIPT_CACHE_DIR=str(cold), BROPATH=".")

    def empty():
        shutil.rmtree(cold, ignore_errors=True)

    show_ratio("broscript -b -e '' cold", ratio_to_lark(n, broscript("-b", "-e", ""), cold_env, lark, empty))
    show_ratio("broscript -b -e '' warm", ratio_to_lark(n, broscript("-b", "-e", ""), env, lark), "3x")

    bropath = ":".join(str(BRO / d) for d in ("", "policy", "site"))
    benv = dict(env, BROPATH=bropath)
    bcold = dict(cold_env, BROPATH=bropath)
    w, c, proc = timed(broscript("-e", ""), bcold, before=empty)
    if proc.returncode == 0 and not proc.stderr:
        cmd, what = broscript("-e", ""), "broscript -e '' (Bro 2.6 init-default)"
    else:
        first = proc.stderr.decode("latin-1").strip().splitlines()[:1]
        print(f"broscript -e '' with Bro 2.6's init-default does not load yet: "
              f"{first[0] if first else proc.returncode}")
        part = bro_loads(benv)
        code = "".join(f"@load {x}\n" for x in part)
        cmd = broscript("-b", "-e", code)
        what = (f"broscript -b + init-default's first {len(part)} @loads (to {part[-1] if part else '-'})")
    show_ratio(what + " cold", ratio_to_lark(n, cmd, bcold, lark, empty))
    show_ratio(what + " warm", ratio_to_lark(n, cmd, benv, lark), "12x")

    # ---------------------------------------------------------------- hrw
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import hrw_bench
    py_t, py = hrw_bench.best_of(hrw_bench.python_workload)
    bro_t, bro = hrw_bench.best_of(hrw_bench.run_broscript)
    py_t = min(py_t, hrw_bench.best_of(hrw_bench.python_workload)[0])
    assert py == bro, (py, bro)
    print(f"hrw per key: python {py_t * 1e6 / hrw_bench.KEYS:.2f} us, broscript "
          f"{bro_t * 1e6 / hrw_bench.KEYS:.2f} us, ratio {bro_t / py_t:.2f}  (no worse than 2.25-2.33)")

    # ---------------------------------------------------------------- clusters
    per = {}
    sizes = [(3, 4), (10, 40)] + ([] if skip_182 else [(30, 150)])
    for proxies, workers in sizes:
        nodes = 2 + proxies + workers
        lay = tmp / f"layout-{nodes}.bro"
        lay.write_text(layout(proxies, workers))
        cmd = broscript("--simulate", "all", "--layout", str(lay), "--node-output",
                        str(tmp / f"out-{nodes}"), "-e", "")
        # a warm cache holds the start-up memo of each node too (memo.py):
        # the first run of a command line fills it
        subprocess.run(cmd, env=env, cwd=str(tmp), capture_output=True, stdin=subprocess.DEVNULL)
        runs = n if nodes < 100 else 1
        w, c, proc = best(runs, cmd, env, cwd=str(tmp))
        if proc.returncode != 0:
            print(f"cluster of {nodes}: exit {proc.returncode}: {proc.stderr.decode()[:200]}")
            continue
        per[nodes] = (w / nodes, c / nodes)
        print(f"cluster of {nodes} nodes ({proxies} proxies, {workers} workers), warm: "
              f"{w:.2f} / {c:.2f} s, {w / nodes:.3f} / {c / nodes:.3f} s per node"
              f"{'  (target <= 15 s)' if nodes > 100 else ''}")
    if 9 in per and len(per) > 1:
        big = max(per)
        print(f"cost per node at {big} / at 9: {per[big][0] / per[9][0]:.2f}x wall, "
              f"{per[big][1] / per[9][1]:.2f}x cpu  (target <= 1.5x)")


if __name__ == "__main__":
    main()
