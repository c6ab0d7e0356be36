"""Run one script as `broscript -b t.bro` in a test's tmp dir, the way the
golden tests run theirs, with an environment of the test's choosing (the
BIFs of bifs/core-3.md touch files and read BRO_DNS_FAKE)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import broscript_env


def run_bro(tmp_path: Path, script: str, env=None, name: str = "t.bro"):
    """(stdout, stderr, exit status) of the script, run in tmp_path."""
    (tmp_path / name).write_bytes(script.encode("latin-1"))
    e = broscript_env(BROPATH=".", TZ="UTC")
    for k in ("ZEEKPATH", "BRO_DNS_FAKE", "BRO_SEED_FILE"):
        e.pop(k, None)
    e.update(env or {})
    p = subprocess.run([sys.executable, "-m", "broscript", "-b", name], cwd=tmp_path,
                       capture_output=True, env=e, timeout=60, stdin=subprocess.DEVNULL)
    return p.stdout.decode("latin-1"), p.stderr.decode("latin-1"), p.returncode
