"""Bro 2.6's own script library, unchanged, from BROPATH (issue 13 item 5).

Every tests/brolib/NAME.bro runs in a tmp directory as
`broscript -b NAME.bro` with BROPATH=.:<Bro 2.6 scripts>:policy:site (the
tree is read in place, conftest.bro_path()); a script whose first line
says `[init-default]` runs without -b, loading Bro's whole base library.
stdout must equal NAME.out, stderr NAME.err (empty if absent), the exit
status NAME.rc (0 if absent), and the files the run writes must be exactly
those in NAME.logs/ (none if absent), each equal byte for byte except the
wall-clock time of the ASCII writer's `#open`/`#close` lines.  Expected
outputs come from Bro's documented behaviour and the specs, never from
running broscript."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BRO_SCRIPTS, bro_path, broscript_env

HERE = Path(__file__).parent / "brolib"
CASES = sorted(HERE.glob("*.bro"))
STAMP = re.compile(rb"^(#open|#close)\t\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)


def run_bro(args, cwd, stdin=None):
    env = broscript_env(BROPATH=".:" + bro_path())
    env.pop("ZEEKPATH", None)
    return subprocess.run([sys.executable, "-m", "broscript", *args], cwd=cwd, capture_output=True,
                          env=env, timeout=300, input=stdin)


def _read(p: Path) -> bytes:
    return p.read_bytes() if p.exists() else b""


def _stamped(b: bytes) -> bytes:
    return STAMP.sub(rb"\1\tXXXX-XX-XX-XX-XX-XX", b)


@pytest.mark.parametrize("script", CASES, ids=[c.stem for c in CASES])
def test_bro_library_script(script: Path, tmp_path: Path):
    assert BRO_SCRIPTS.is_dir(), "Bro 2.6's scripts/ must be at ../shared/bro-2.6/scripts"
    shutil.copy(script, tmp_path / script.name)
    full = b"[init-default]" in script.read_bytes().split(b"\n", 1)[0]
    proc = run_bro(([] if full else ["-b"]) + [script.name], tmp_path)
    base = script.with_suffix("")
    rc = int(_read(Path(f"{base}.rc")).strip() or b"0")
    assert proc.stderr.decode("latin-1") == _read(Path(f"{base}.err")).decode("latin-1")
    assert proc.stdout.decode("latin-1") == _read(Path(f"{base}.out")).decode("latin-1")
    assert proc.returncode == rc
    logs = Path(f"{base}.logs")
    want = sorted(p.name for p in logs.iterdir()) if logs.is_dir() else []
    got = sorted(p.name for p in tmp_path.iterdir() if p.name != script.name)
    assert got == want
    for name in want:
        assert _stamped((tmp_path / name).read_bytes()).decode("latin-1") == \
            _stamped((logs / name).read_bytes()).decode("latin-1"), name
