"""Bro 2.6's own cluster framework (base/frameworks/cluster: main.bro,
pools.bro, setup-connections.bro, nodes/*; base/utils/hash_hrw.bro), read
unchanged from ../shared/bro-2.6/scripts on BROPATH, against the same
expected outputs as our own library (issue 13 item 5):

* every single-node pool test of tests/cluster (std, small, three, collide);
* every whole-cluster test of tests/cluster that loads the framework itself
  (bare mode), including log forwarding to loggers and their log files;
* through the Python API, the placement of thousands of keys by rendezvous
  hashing and round robin, and what moves when a node dies, compared key by
  key between the two libraries.

Messages from inside a library name its file and line, which differ between
the two trees; they are compared without that location."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from broscript.cluster import Cluster
from broscript.loader import library_dir
from conftest import BRO_SCRIPTS, REPO, bro_path, broscript_env
from test_cluster_scripts import CASES as NODE_CASES, ROOT
from test_simulate import CASES as SIM_CASES, _args, check_logs

# Whole-cluster tests that load the framework themselves (bare mode), and
# some that run Bro's whole init-default on every node: those need
# --sim-time, because Bro's base library keeps timers going for ever
# (ChecksumOffloading::check every 10 s, net_stats_update,
# filter_change_tracking), so that a cluster on it never comes to rest.
# (btest/remote-types is not among them: with init-default, the body of
# Bro's Cluster::create_store (cluster/main.bro) is checked after the
# user's script has been read, so its `local info` meets the test's
# `global info` and is reported "already a global identifier", where Bro
# looks only at what was declared before it; the other tests cost a whole
# init-default per node and add nothing here.)
FULL_SIM = ["btest/publish-pools", "btest/terminate-order"]
BRO_SIM = [c for c in SIM_CASES if "-b" in _args(c)] + [ROOT / f"{n}.bro" for n in FULL_SIM]
LAYOUT = REPO / "examples" / "cluster-layout.bro"


def without_library_locations(text: str) -> str:
    """` in FILE, line N` dropped where FILE is in either library."""
    libs = "|".join(re.escape(d) for d in (library_dir(), "$SCRIPTS", str(BRO_SCRIPTS)))
    return re.sub(rf" in (?:{libs})/[^,]*, lines? \d+(?:-\d+)?", "", text)


# Bro's cluster node scripts (base/frameworks/cluster/nodes/*.bro) give
# every log a rotation interval and broctl's archive-log/delete-log as
# post-processor.  Timers expire at exit, so Bro rotates each written log
# away (<path>.<open time>.log, logging-input.md §1.6) and, without broctl,
# its shell says the command is missing.  Our library sets no rotation: the
# comparison undoes exactly that (rotation itself: tests/test_rotation.py).
POSTPROCESSOR_MISSING = re.compile(r"^sh: 1: (?:archive|delete)-log: not found\n", re.M)
ROTATED = re.compile(r"^(.+)\.\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.log$")


def without_rotation(stderr: str, node_dir: Path = None) -> str:
    if node_dir is not None:
        for p in node_dir.iterdir():
            m = ROTATED.match(p.name)
            if m:
                p.rename(p.with_name(m.group(1) + ".log"))
    return POSTPROCESSOR_MISSING.sub("", stderr)


def _expected(p: Path) -> str:
    return p.read_text(encoding="latin-1") if p.exists() else ""


@pytest.mark.parametrize("script", NODE_CASES, ids=[str(c.relative_to(ROOT)) for c in NODE_CASES])
def test_one_node_on_bros_cluster_framework(script: Path, tmp_path):
    env = broscript_env(BROPATH=".:" + bro_path())
    env.pop("ZEEKPATH", None)
    env.pop("CLUSTER_NODE", None)
    shutil.copytree(ROOT, tmp_path / "cluster")
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", script.name],
                          cwd=tmp_path / "cluster" / script.parent.name, capture_output=True,
                          env=env, timeout=120, stdin=subprocess.DEVNULL)
    base = script.with_suffix("")
    rc = base.with_suffix(".rc")
    assert proc.stdout.decode("latin-1") == _expected(base.with_suffix(".out"))
    assert without_library_locations(without_rotation(proc.stderr.decode("latin-1"))) == \
        without_library_locations(_expected(base.with_suffix(".err")))
    assert proc.returncode == (int(rc.read_text().strip()) if rc.exists() else 0)


@pytest.mark.parametrize("script", BRO_SIM, ids=[str(c.relative_to(ROOT)) for c in BRO_SIM])
def test_cluster_on_bros_cluster_framework(script: Path, tmp_path):
    env = broscript_env(BROPATH=".:" + bro_path(), TZ="UTC")
    for k in ("ZEEKPATH", "CLUSTER_NODE"):
        env.pop(k, None)
    out = tmp_path / "out"
    extra = [] if "-b" in _args(script) else ["--sim-time", "30"]
    proc = subprocess.run([sys.executable, "-m", "broscript", *_args(script), *extra,
                           "--node-output", str(out), script.name],
                          cwd=script.parent, capture_output=True, env=env, timeout=300,
                          stdin=subprocess.DEVNULL)
    # system()'s children write to broscript's own stderr, not the node's
    assert proc.stdout == b"" and without_rotation(proc.stderr.decode("latin-1")) == ""
    for node in out.iterdir():
        e = node / ".stderr"
        e.write_text(without_rotation(e.read_text(encoding="latin-1"), node), encoding="latin-1")
    stem = script.stem
    expected = {p.name[len(stem) + 1:-4]: p for p in script.parent.glob(f"{stem}.*.out")}
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    for node, want in expected.items():
        assert (out / node / ".stdout").read_bytes() == want.read_bytes(), node
        err = want.with_suffix(".err")
        got_err = (out / node / ".stderr").read_bytes().decode("latin-1")
        if err.exists():
            assert without_library_locations(got_err) == without_library_locations(_expected(err)), node
        else:
            assert set(got_err.splitlines()) <= {"received termination signal"}, node
    check_logs(script, out, expected)
    rc = script.parent / f"{stem}.rc"
    assert proc.returncode == (int(rc.read_text()) if rc.exists() else 0)


# ---------------------------------------------------------------- key by key
KEYS = [f"key-{i}" for i in range(1500)]
NUMS = list(range(0, 3000, 2))


def placements(bropath: str):
    """On the manager of the examples' layout (three proxies): each key's
    proxy by hrw_topic, strings and counts, and a round-robin sequence;
    then proxy-2 stops and the same again; and the workers' pool seen from
    a proxy.  Our library with BROPATH=., Bro's with its tree."""
    c = Cluster(LAYOUT, bare=True, code=["@load base/frameworks/cluster"],
                environ={"BROPATH": bropath})
    c.start()
    try:
        m = c.node("manager")
        pool = m.ref("Cluster::proxy_pool")

        def snapshot():
            return ({k: m.call("Cluster::hrw_topic", pool, k) for k in KEYS},
                    {n: m.call("Cluster::hrw_topic", pool, n) for n in NUMS},
                    [m.call("Cluster::rr_topic", pool, "jobs") for _ in range(7)],
                    m.get("Cluster::proxy_pool")["alive_count"])
        before = snapshot()
        p1 = c.node("proxy-1")
        workers = p1.ref("Cluster::worker_pool")
        on_proxy = {k: p1.call("Cluster::hrw_topic", workers, k) for k in KEYS[:300]}
        c.stop("proxy-2")
        after = snapshot()
        return before, after, on_proxy
    finally:
        c.shutdown()


@pytest.fixture(scope="module")
def both_libraries():
    return placements("."), placements(bro_path())


def test_the_same_keys_go_to_the_same_nodes(both_libraries):
    ours, bros = both_libraries
    (o_str, o_num, o_rr, o_alive), _, o_proxy = ours
    (b_str, b_num, b_rr, b_alive), _, b_proxy = bros
    assert o_alive == b_alive == 3
    assert o_str == b_str and o_num == b_num
    assert o_rr == b_rr
    assert o_proxy == b_proxy
    # every proxy takes a share, and nothing but proxies
    proxies = {f"bro/cluster/node/proxy-{i}" for i in (1, 2, 3)}
    assert set(o_str.values()) == proxies == set(o_num.values())
    assert set(o_proxy.values()) == {f"bro/cluster/node/worker-{i}" for i in (1, 2, 3, 4)}
    # round robin walks the pool's node_list, the name order here
    assert o_rr == [f"bro/cluster/node/proxy-{i}" for i in (1, 2, 3, 1, 2, 3, 1)]


def test_a_dead_node_moves_its_keys_alone_on_both(both_libraries):
    ours, bros = both_libraries
    for (b_str, b_num, _, _), (a_str, a_num, a_rr, a_alive), _ in (ours, bros):
        assert a_alive == 2
        for before, after in ((b_str, a_str), (b_num, a_num)):
            moved = {k for k in before if before[k] != after[k]}
            assert moved == {k for k, v in before.items() if v == "bro/cluster/node/proxy-2"}
            assert "bro/cluster/node/proxy-2" not in after.values()
        # the rr key carries on from where it stood, skipping proxy-2
        assert "bro/cluster/node/proxy-2" not in a_rr
    assert ours[1][:3] == bros[1][:3]
