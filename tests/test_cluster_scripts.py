"""Our cluster library against its own Bro-language tests (tests/cluster,
see its README): one node per process, bare mode, BROPATH=., the test's
directory as working directory.  `$SCRIPTS` in an expected .err stands for
the installed library directory."""
import subprocess
import sys
from pathlib import Path

import pytest

from broscript.loader import library_dir
from conftest import broscript_env

ROOT = Path(__file__).parent / "cluster"
NOT_TESTS = {"cluster-layout.bro", "pool-show.bro"}
CASES = sorted(p for d in ("std", "small", "three", "collide")
               for p in (ROOT / d).glob("*.bro") if p.name not in NOT_TESTS)


def _expected(base: Path, suffix: str) -> str:
    p = base.parent / (base.name + suffix)
    text = p.read_text(encoding="latin-1") if p.exists() else ""
    return text.replace("$SCRIPTS", library_dir())


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(ROOT)) for c in CASES])
def test_cluster_script(script: Path, tmp_path):
    env = broscript_env(BROPATH=".")
    env.pop("ZEEKPATH", None)
    env.pop("CLUSTER_NODE", None)
    # in a copy of tests/cluster: the cluster framework writes cluster.log
    # into the working directory, as Bro does
    import shutil
    shutil.copytree(ROOT, tmp_path / "cluster")
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", script.name],
                          cwd=tmp_path / "cluster" / script.parent.name, capture_output=True,
                          env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    base = script.parent / script.stem
    rc = base.parent / (base.name + ".rc")
    assert proc.stdout.decode("latin-1") == _expected(base, ".out")
    assert proc.stderr.decode("latin-1") == _expected(base, ".err")
    assert proc.returncode == (int(rc.read_text().strip()) if rc.exists() else 0)
