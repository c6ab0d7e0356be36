"""Whole clusters in one process (cluster.md §6): every script in a
tests/cluster/<dir> with an `# ARGS:` line runs through
`broscript ARGS --node-output DIR script.bro` from its directory, and each
node's .stdout (and .stderr, where an expected one exists) must be the
expected bytes of `<script>.<node>.out` / `.err`; the run's exit status is
`<script>.rc` (0 if absent).  Nodes without an expected .err may print no
more than Bro's "received termination signal".  See tests/cluster/README.md."""
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from broscript.loader import library_dir
from conftest import broscript_env

ROOT = Path(__file__).parent / "cluster"


def _args(script: Path):
    for line in script.read_text(encoding="latin-1").splitlines()[:3]:
        if line.startswith("# ARGS:"):
            return shlex.split(line[len("# ARGS:"):])
    return None


CASES = sorted(p for p in ROOT.glob("*/*.bro") if _args(p) is not None)


def _expected(p: Path) -> str:
    return p.read_text(encoding="latin-1").replace("$SCRIPTS", library_dir())


def run_sim(script: Path, out: Path, extra=(), bropath="."):
    # TZ=UTC: log files' #open/#close show the local time, as Bro's do
    env = broscript_env(BROPATH=bropath, TZ="UTC")
    for k in ("ZEEKPATH", "CLUSTER_NODE"):
        env.pop(k, None)
    return subprocess.run([sys.executable, "-m", "broscript", *_args(script), *extra,
                           "--node-output", str(out), script.name],
                          cwd=script.parent, capture_output=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)


def check_logs(script: Path, out: Path, nodes):
    """With a `<script>.logs/` directory, each node's log files must be
    exactly those of `<script>.logs/<node>/` (none where it has no
    directory), byte for byte."""
    expected_root = script.parent / f"{script.stem}.logs"
    if not expected_root.is_dir():
        return
    for node in nodes:
        want = {p.name: p for p in (expected_root / node).glob("*.log")}
        got = sorted(p.name for p in (out / node).glob("*.log"))
        assert got == sorted(want), node
        for name, p in want.items():
            assert (out / node / name).read_bytes() == p.read_bytes(), f"{node}/{name}"


def check_run(script: Path, out: Path, proc):
    """The run's streams, each node's output and logs, and its status."""
    assert proc.stdout == b"" and proc.stderr == b""
    stem = script.stem
    expected = {p.name[len(stem) + 1:-4]: p for p in script.parent.glob(f"{stem}.*.out")}
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for node, want in expected.items():
        got = (out / node / ".stdout").read_bytes().decode("latin-1")
        assert got == _expected(want), node
        err = want.with_suffix(".err")
        got_err = (out / node / ".stderr").read_bytes().decode("latin-1")
        if err.exists():
            assert got_err == _expected(err), node
        else:
            assert set(got_err.splitlines()) <= {"received termination signal"}, node
    check_logs(script, out, expected)
    rc = script.parent / f"{stem}.rc"
    assert proc.returncode == (int(rc.read_text()) if rc.exists() else 0)


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(ROOT)) for c in CASES])
def test_simulated_cluster(script: Path, tmp_path):
    check_run(script, tmp_path, run_sim(script, tmp_path))
