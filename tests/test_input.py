"""The input framework over time (bifs/logging-input.md §2.8, §2.9.1 modes):
scripts that change their input files while they run, so each runs in a
copy in its own tmp dir; and the same scripts on Bro 2.6's own input
framework from BROPATH.  Expected outputs are in tests/data/input/NAME.out
(and .err), worked out from the spec."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import bro_path, broscript_env
from test_bifs_core import BTEST_SEED

DATA = Path(__file__).parent / "data" / "input"
REPO_CLUSTER = Path(__file__).parent / "cluster"
GOLDEN = Path(__file__).parent / "golden" / "input"
TIMED = ["reread", "stream", "missing-initially"]


def run(script: Path, tmp: Path, data_dir: Path, bropath: str = ".", seed=None):
    for f in data_dir.iterdir():
        if f.suffix in (".dat", ".bro"):
            shutil.copy(f, tmp / f.name)
    env = broscript_env(BROPATH=bropath)
    env.pop("ZEEKPATH", None)
    env.pop("BRO_SEED_FILE", None)
    if seed is not None:
        (tmp / "random.seed").write_text("\n".join(str(n) for n in seed) + "\n")
        env["BRO_SEED_FILE"] = str(tmp / "random.seed")
    return subprocess.run([sys.executable, "-m", "broscript", "-b", script.name], cwd=tmp,
                          capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def expected(base: Path, suffix: str) -> str:
    p = base.parent / (base.name + suffix)
    return p.read_text() if p.exists() else ""


@pytest.mark.parametrize("name", TIMED)
def test_modes(name, tmp_path):
    proc = run(DATA / f"{name}.bro", tmp_path, DATA)
    assert proc.stdout.decode() == expected(DATA / name, ".out")
    assert proc.stderr.decode() == expected(DATA / name, ".err")
    assert proc.returncode == 0


def test_removal_order_btest_seed(tmp_path):
    """§2.5.1 step 7: the spec's removal order -43, -47, -44, -46, -45, -42
    for keys -42..-48 under the btest seed."""
    proc = run(DATA / "reread-order.bro", tmp_path, DATA, seed=BTEST_SEED)
    assert proc.stdout.decode() == expected(DATA / "reread-order", ".out")
    assert proc.stderr.decode() == expected(DATA / "reread-order", ".err")


# goldens whose scripts run unchanged on Bro's own base/frameworks/input
BRO_LIB = ["2.9.1-table-basic", "2.5.3-event-stream", "2.5.1-pred-force-update",
           "2.9.1-invalid-lines-error-ev", "2.9.1-config-options", "2.9.1-file-problems",
           "2.8-at-shutdown-set-enum", "2.4-type-checks", "2.3-unsupported-separator",
           "2.9.1-redef-options-fail-invalid", "2.5.1-unset-index-want-record-f",
           "2.2-force-update-reread-unchanged"]


@pytest.mark.parametrize("name", BRO_LIB + TIMED)
def test_on_bros_own_framework(name, tmp_path):
    """With Bro 2.6's scripts on BROPATH, `@load base/frameworks/input`
    loads Bro's own input framework; the scripts give the same output."""
    src = DATA if name in TIMED else GOLDEN
    for f in src.iterdir():
        if f.suffix == ".dat":
            shutil.copy(f, tmp_path / f.name)
    script = tmp_path / f"{name}.bro"
    script.write_text("@load base/frameworks/input\n" + (src / f"{name}.bro").read_text())
    env = broscript_env(BROPATH=".:" + bro_path())
    env.pop("ZEEKPATH", None)
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", script.name], cwd=tmp_path,
                          capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert proc.stdout.decode() == expected(src / name, ".out")
    assert proc.stderr.decode() == expected(src / name, ".err")
    assert proc.returncode == 0


def test_simulated_cluster_nodes_read(tmp_path):
    """Under --simulate each node's streams are read once its queue is empty
    after bro_init (§2.8), so every node sees the file; the nodes end
    together at the end of the simulation."""
    shutil.copy(REPO_CLUSTER / "small" / "cluster-layout.bro", tmp_path / "cluster-layout.bro")
    (tmp_path / "where.tsv").write_text("#fields\tkey\tnode\na\tw1\n")
    (tmp_path / "s.bro").write_text(
        "type Idx: record { key: string; };\n"
        "type Val: record { node: string; };\n"
        "global where: table[string] of Val = table();\n"
        "event Input::end_of_data(name: string, source: string) { print Cluster::node, where; }\n"
        "event bro_init() { Input::add_table([$source=\"where.tsv\", $name=\"where\", "
        "$idx=Idx, $val=Val, $destination=where]); }\n")
    env = broscript_env(BROPATH=".")
    env.pop("ZEEKPATH", None)
    proc = subprocess.run([sys.executable, "-m", "broscript", "--simulate", "all", "s.bro"],
                          cwd=tmp_path, capture_output=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    nodes = ["m", "p-1", "p-2", "w-1", "w-2"]
    assert proc.stdout.decode() == "".join(
        f"{n}: {n}, {{\n{n}: [a] = [node=w1]\n{n}: }}\n" for n in nodes)
    assert proc.stderr.decode() == "".join(f"{n}: received termination signal\n" for n in nodes)
    assert proc.returncode == 0
