"""Pages of our own library scripts (issue 4): snapshots of our own output
for hash_hrw and cluster main (tests/snapshots/, reviewed against
zeekygen.md when recorded; not Bro's output, unlike tests/golden/)."""
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import broscript_env

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("script,page", [
    ("base/utils/hash_hrw", "hash_hrw.bro.rst"),
    ("base/frameworks/cluster/main", "cluster-main.bro.rst"),
])
def test_library_page(script, page):
    proc = subprocess.run([sys.executable, "-m", "broscript", "--doc", script],
                          capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                          env=broscript_env())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (SNAPSHOTS / page).read_bytes()
