"""Shared test helpers.

Bro 2.6's own script library is read in place from ../shared beside the
repository (CI clones the repo with ../shared next to it); tests never copy
from it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BRO_SCRIPTS = SHARED / "bro-2.6" / "scripts"


GOLDEN = REPO / "tests" / "golden"


def golden_expected(script: Path) -> tuple:
    """(stdout text, stderr text, exit status) that a golden script's
    NAME.out, NAME.err and NAME.rc give: empty, empty and 0 where absent
    (tests/golden/README.md)."""
    base = script.parent / script.name[:-len(".bro")]

    def read(ext):
        p = base.parent / (base.name + ext)
        return p.read_bytes().decode("latin-1") if p.exists() else None
    rc = read(".rc")
    return read(".out") or "", read(".err") or "", int(rc) if rc is not None else 0


def bro_path() -> str:
    """BROPATH as the Bro 2.6 tree's README gives it: scripts, policy, site."""
    return ":".join(str(BRO_SCRIPTS / d) for d in ("", "policy", "site"))


_SESSION: dict = {}


@pytest.fixture(scope="session", autouse=True)
def script_cache_dir(tmp_path_factory):
    """The script cache of every broscript the tests run, in-process or as a
    subprocess (broscript_env): a tmp dir of the session, never ~/.cache."""
    from broscript import cache
    d = str(tmp_path_factory.mktemp("script-cache"))
    _SESSION["cache"] = d
    cache.set_dir(d)
    yield d
    cache.set_dir(None)


def broscript_env(**extra) -> dict:
    """The environment for a broscript subprocess: ours, with the session's
    script cache directory and `extra`."""
    return dict(os.environ, BROSCRIPT_CACHE_DIR=_SESSION["cache"], **extra)


def run_script(tmp_path, script: str, *args, env_extra=None, bropath=".") -> subprocess.CompletedProcess:
    """`broscript ARGS t.bro` in tmp_path, t.bro holding `script`: the
    session's script cache, BROPATH `bropath`, no ZEEKPATH, CLUSTER_NODE or
    BRO_LOG_SUFFIX of the caller's own, then `env_extra`."""
    (tmp_path / "t.bro").write_text(script)
    env = broscript_env(BROPATH=bropath)
    for k in ("ZEEKPATH", "CLUSTER_NODE", "BRO_LOG_SUFFIX"):
        env.pop(k, None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "broscript", *args, "t.bro"], cwd=tmp_path,
                          capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


@pytest.fixture(autouse=True)
def _table_order_of_the_builtin_seed():
    """A test that ran an interpreter with a seed file in this process left
    table hashing keyed by it (runtime/dictorder.py holds one key per
    process, as Bro does); the next test starts from the built-in seed."""
    yield
    from broscript.runtime import dictorder, seeds
    dictorder.use(seeds.Seeds(None))
