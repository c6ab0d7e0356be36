"""The Python API for experiments (broscript.cluster): a cluster from a
layout, functions called on a node, nodes stopped and started again, and
values read back (cluster.md §2, §6)."""
import ipaddress
from pathlib import Path

import pytest

from broscript.cluster import BroScriptError, Cluster

STD = Path(__file__).parent / "cluster" / "sim" / "cluster-layout.bro"
KEYS = [f"key-{i}" for i in range(300)]


@pytest.fixture
def cluster():
    c = Cluster(STD).start()
    yield c
    c.shutdown()


def owners(node, keys=KEYS):
    pool = node.ref("Cluster::proxy_pool")
    return {k: node.call("Cluster::hrw_topic", pool, k) for k in keys}


def test_only_the_dead_proxys_keys_move_and_come_back(cluster):
    m = cluster.node("manager")
    before = owners(m)
    assert set(before.values()) == {f"bro/cluster/node/proxy-{i}" for i in (1, 2, 3)}
    cluster.stop("proxy-2")
    after = owners(m)
    moved = {k for k in KEYS if before[k] != after[k]}
    assert moved == {k for k in KEYS if before[k].endswith("proxy-2")}
    assert not any(v.endswith("proxy-2") for v in after.values())
    # rendezvous hashing: the same sites give the same owners again
    cluster.restart("proxy-2")
    assert owners(m) == before


def test_the_seed_hash_vectors_through_the_api(cluster):
    # hashing.md §7 / tests/cluster/std/manager-view.out: these owners with
    # proxy-1..3 up on the manager
    m = cluster.node("manager")
    pool = m.ref("Cluster::proxy_pool")
    got = {k: m.call("Cluster::hrw_topic", pool, k) for k in (0, 1, 13, "one", "four")}
    assert got == {0: "bro/cluster/node/proxy-1", 1: "bro/cluster/node/proxy-3",
                   13: "bro/cluster/node/proxy-2", "one": "bro/cluster/node/proxy-3",
                   "four": "bro/cluster/node/proxy-1"}


def test_pool_state_on_each_node_and_after_a_node_dies(cluster):
    m, p1 = cluster.node("manager"), cluster.node("proxy-1")
    pool = m.get("Cluster::proxy_pool")
    assert pool["alive_count"] == 3
    assert [n["name"] for n in pool["node_list"]] == ["proxy-1", "proxy-2", "proxy-3"]
    assert pool["nodes"]["proxy-1"] == {"name": "proxy-1", "alias": "proxy-1.0",
                                        "site_id": 3102392432, "alive": True}
    # a proxy sees no other proxy (cluster.md §2.10)
    assert p1.get("Cluster::proxy_pool")["alive_count"] == 1
    assert p1.call("Cluster::hrw_topic", p1.ref("Cluster::proxy_pool"), "x") == ""
    cluster.kill("proxy-3")
    pool = m.get("Cluster::proxy_pool")
    assert pool["alive_count"] == 2 and pool["nodes"]["proxy-3"]["alive"] is False
    rr = [m.call("Cluster::rr_topic", m.ref("Cluster::proxy_pool"), "api") for _ in range(4)]
    assert rr == ["bro/cluster/node/proxy-1", "bro/cluster/node/proxy-2"] * 2
    assert not cluster.node("proxy-3").running
    assert cluster.node("worker-1").get("Cluster::worker_count") == 0
    assert m.get("Cluster::worker_count") == 4


def test_values_in_and_out(cluster):
    m = cluster.node("manager")
    node = m.get("Cluster::nodes")["worker-2"]
    assert node["node_type"] == "Cluster::WORKER"
    assert node["ip"] == ipaddress.ip_address("127.0.0.1")
    assert node["p"] == "47767/tcp" and node["interface"] == "eth1" and node["time_machine"] is None
    assert m.eval('Cluster::node_topic("x")') == "bro/cluster/node/x"
    assert m.eval("fnv1a32(1.2.3.4)") == m.call("fnv1a32", ipaddress.ip_address("1.2.3.4"))
    assert m.call("fnv1a32", "a") == 1837371655 == m.eval('fnv1a32("a")')
    # a default argument is filled in as in a script call
    assert m.call("Cluster::rr_topic", m.ref("Cluster::proxy_pool")) == "bro/cluster/node/proxy-1"
    assert m.eval("Cluster::local_node_type()") == "Cluster::MANAGER"


def test_script_errors_are_bro_messages(cluster):
    m = cluster.node("manager")
    with pytest.raises(BroScriptError, match=r"no such index \(Cluster::nodes\[nope\]\)"):
        m.eval('Cluster::nodes["nope"]')
    with pytest.raises(BroScriptError, match="unknown identifier"):
        m.eval("no_such_thing + 1")
    with pytest.raises(KeyError):
        cluster.node("nobody")


def test_a_layout_as_a_dict_and_a_user_script(tmp_path):
    script = tmp_path / "count.bro"
    script.write_text("global ups = 0;\nevent Cluster::node_up(name: string, id: string) { ++ups; }\n")
    layout = {"manager": {"type": "manager"}, "proxy-1": {"type": "proxy"},
              "worker-1": {"type": "worker", "interface": "eth0"}}
    with Cluster(layout, scripts=[script]) as c:
        assert c.names == ["manager", "proxy-1", "worker-1"]
        assert {n: c.node(n).get("ups") for n in c.names} == {"manager": 2, "proxy-1": 2, "worker-1": 2}
        c.stop("worker-1")
        assert c.node("manager").get("Cluster::worker_count") == 0


def test_broker_ids_never_start_with_a_node_name():
    # hex ids would otherwise start with "A".."F" at times, and a hello sent
    # to "bro/cluster/node/<id>" would also reach node "A" (cluster.md §6.3)
    layout = {name: {"type": t} for name, t in
              (("A", "manager"), ("B", "proxy"), ("C", "proxy"), ("D", "worker"), ("E", "worker"))}
    with Cluster(layout) as c:
        ids = [c.node(n).eval("Broker::node_id()") for n in c.names]
        assert len(set(ids)) == 5
        assert not any(i.startswith(n) for i in ids for n in "ABCDE")
        assert c.node("A").get("Cluster::worker_count") == 2
        assert c.node("A").get("Cluster::proxy_pool")["alive_count"] == 2


def test_a_node_converts_only_exact_values(cluster):
    # issue 15: a str where a record is expected used to give '' silently
    m = cluster.node("manager")
    with pytest.raises(TypeError, match=r"^Cluster::hrw_topic\(\): argument pool is a Bro Cluster::Pool, "
                                        r"which takes a dict of field name -> value, not a Python str"):
        m.call("Cluster::hrw_topic", "notapool", "k")
    with pytest.raises(ValueError, match=r"^fnv1a32\(\): argument input is a Bro count: "
                                         r"1180591620717411303424 is out of its range"):
        m.call("fnv1a32", 2**70)
    # a ref goes back to its own node only: another node's types are its own
    other = cluster.node("proxy-1").ref("Cluster::proxy_pool")
    with pytest.raises(TypeError, match=r"^Cluster::hrw_topic\(\): argument pool: the value passed is "
                                        r"another interpreter's"):
        m.call("Cluster::hrw_topic", other, "x")


def test_a_users_function_on_a_node(tmp_path):
    script = tmp_path / "dbl.bro"
    script.write_text("function dbl(n: count): count { return n * 2; }\n"
                      "function quiet(n: count) { }\n")
    with Cluster({"manager": {"type": "manager"}, "worker-1": {"type": "worker"}}, scripts=[script]) as c:
        w = c.node("worker-1")
        assert w.call("dbl", 21) == 42
        assert w.call("quiet", 1) is None
        with pytest.raises(TypeError, match=r"^dbl\(\): argument n is a Bro count, which takes an int, "
                                            r"not a Python str \('21'\)$"):
            w.call("dbl", "21")
        with pytest.raises(BroScriptError) as info:
            w.eval("dbl(1) + nosuch")
        assert (info.value.loc.file, info.value.loc.line) == ("<api>", 1)
        assert info.value.msg == 'unknown identifier nosuch, at or near "nosuch"'


def test_nodes_the_layout_lacks_are_refused():
    with pytest.raises(ValueError, match=r"^nodes: the layout has no node 'nosuch' \(its nodes: logger, "
                                         r"manager, proxy-1, proxy-2, proxy-3, worker-1"):
        Cluster(STD, nodes=["manager", "nosuch"])


def test_a_stopped_node_says_so(cluster):
    cluster.stop("proxy-2")
    with pytest.raises(BroScriptError, match="^error: node proxy-2 is not running$"):
        cluster.node("proxy-2").call("fnv1a32", 1)
