"""Golden tests: every tests/golden/**/NAME.bro runs as `broscript -b NAME.bro`
in its own directory; stdout must equal NAME.out, stderr NAME.err (empty if
absent), exit status NAME.rc (0 if absent).  Discovered, never listed."""
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import broscript_env

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.rglob("*.bro"))


def _read(p: Path) -> bytes:
    return p.read_bytes() if p.exists() else b""


def _sibling(base: Path, suffix: str) -> Path:
    # names carry spec section numbers (values/2.3-...), so no with_suffix()
    return base.parent / (base.name + suffix)


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(GOLDEN)) for c in CASES])
def test_golden(script: Path):
    env = broscript_env(BROPATH=".")
    env.pop("ZEEKPATH", None)
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", script.name],
                          cwd=script.parent, capture_output=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL)
    base = script.parent / script.stem
    rc_file = _sibling(base, ".rc")
    expected_rc = int(rc_file.read_text().strip()) if rc_file.exists() else 0
    assert proc.stdout.decode("latin-1") == _read(_sibling(base, ".out")).decode("latin-1")
    assert proc.stderr.decode("latin-1") == _read(_sibling(base, ".err")).decode("latin-1")
    assert proc.returncode == expected_rc
