"""Bloom filter seeding against an independent model of
bifs/probabilistic-broker.md §2 "Seeds and hashing" (SHA-256 seed,
SipHash-2-4 UHF, DoubleHasher, the internal-state digest), and the seed
file's effect through BRO_SEED_FILE and -G."""
from __future__ import annotations

import hashlib
import math
import os
import subprocess
import sys

import siphashc

from conftest import broscript_env

M64 = (1 << 64) - 1


def _seed(data: bytes):
    d = hashlib.sha256(data).digest()
    return int.from_bytes(d[:8], "little"), int.from_bytes(d[8:16], "little")


def _uhf(h1, h2, key):
    assert len(key) <= 36
    return siphashc.siphash(h1.to_bytes(8, "little") + h2.to_bytes(8, "little"), key)


def _basic_state(seed, fp, capacity, elems):
    ln2 = math.log(2)
    cells = math.ceil(-(capacity * math.log(fp) / ln2 / ln2))
    k = math.ceil((cells / capacity) * ln2)
    h1, h2 = seed
    bits = 0
    for e in elems:
        d1 = _uhf((h1 + 16807) & M64, h2, e)
        d2 = _uhf((h1 + 33614) & M64, h2, e)
        for i in range(k):
            bits |= 1 << (((d1 + i * d2) & M64) % cells)
    words = (cells + 63) // 64
    return int.from_bytes(hashlib.sha256(bits.to_bytes(words * 8, "little")).digest()[:8], "little")


SCRIPT = """
event bro_init()
	{
	local a = bloomfilter_basic_init(0.9, 10);
	bloomfilter_add(a, "foo");
	bloomfilter_add(a, "bar");
	local b = bloomfilter_basic_init(0.1, 100, "my_seed");
	bloomfilter_add(b, "foo");
	bloomfilter_add(b, "bar");
	bloomfilter_add(b, "a somewhat longer element");
	print bloomfilter_internal_state(a);
	print bloomfilter_internal_state(b);
	}
"""


def _run(tmp_path, args=(), env_extra=None):
    (tmp_path / "s.bro").write_text(SCRIPT)
    env = {k: v for k, v in broscript_env().items() if k != "BRO_SEED_FILE"}
    env.update(env_extra or {})
    r = subprocess.run([sys.executable, "-m", "broscript", "-b", *args, "s.bro"], cwd=tmp_path,
                       capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert r.stderr == b""
    return [int(x) for x in r.stdout.split()]


def _expected(first_seed_number):
    named = _basic_state(_seed(b"my_seed"), 0.1, 100, [b"foo", b"bar", b"a somewhat longer element"])
    unnamed = _basic_state(_seed(first_seed_number.to_bytes(4, "little")), 0.9, 10, [b"foo", b"bar"])
    return [unnamed, named]


def test_builtin_seed_is_the_btest_one(tmp_path):
    assert _run(tmp_path) == _expected(2983378351)


def test_seed_file_first_number_seeds_unnamed_filters(tmp_path):
    nums = [12345] + list(range(1, 21))
    (tmp_path / "seed").write_text("\n".join(map(str, nums)) + "\n")
    assert _run(tmp_path, env_extra={"BRO_SEED_FILE": str(tmp_path / "seed")}) == _expected(12345)


def test_interpreter_seed_file_wins_over_environment(tmp_path):
    # -G FILE sets Interpreter.seed_file, which wins over BRO_SEED_FILE
    # (bifs/core-1.md §3)
    import io
    from broscript.interp import Interpreter
    (tmp_path / "seed1").write_text("\n".join(map(str, [777] + [0] * 20)) + "\n")
    (tmp_path / "seed2").write_text("\n".join(map(str, [888] + [0] * 20)) + "\n")
    out, err = io.BytesIO(), io.StringIO()
    it = Interpreter(out=out, err=err, environ={b"BRO_SEED_FILE": str(tmp_path / "seed1").encode()})
    it.seed_file = str(tmp_path / "seed2")
    it.load_sources([("s.bro", SCRIPT, None)])
    it.run()
    assert err.getvalue() == ""
    assert [int(x) for x in out.getvalue().split()] == _expected(888)


BROKER_ERRORS = """
@load base/frameworks/broker
event bro_init()
	{
	local s = Broker::set_create();
	Broker::set_insert(s, "hi");
	local i = Broker::set_iterator(s);
	Broker::set_iterator_next(i);
	print Broker::set_iterator_value(i);
	print Broker::set_size(Broker::table_create());
	print Broker::vector_size(Broker::Data());
	print "after";
	}
"""


def test_broker_data_error_paths(tmp_path):
    # bifs/probabilistic-broker.md §3 "Errors shared by the data builtins":
    # past-the-end iterator (builtin error, empty Data), wrong kind and unset
    # Data (runtime error; the wrapper then returns no value and warns)
    import re
    (tmp_path / "e.bro").write_text(BROKER_ERRORS)
    r = subprocess.run([sys.executable, "-m", "broscript", "-b", "e.bro"], cwd=tmp_path,
                       capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                       env=broscript_env())
    assert r.stdout == b"[data=<uninitialized>]\nafter\n"
    err = r.stderr.decode().splitlines()
    assert len(err) == 5
    # a builtin error inside a wrapper is reported at the user's call
    assert err[0] == ("error in ./e.bro, line 9: attempt to retrieve value of invalid set iterator "
                      "(Broker::set_iterator_value(i))")
    assert re.fullmatch(r"runtime error in .*store\.bro, line \d+: data is of type 'table' not of "
                        r"type 'table'", err[1])
    assert err[2] == "warning: non-void function returns without a value: Broker::set_size"
    assert re.fullmatch(r"runtime error in .*store\.bro, line \d+: Broker::Data's opaque field is "
                        r"not set", err[3])
    assert err[4] == "warning: non-void function returns without a value: Broker::vector_size"


QUERY_MISUSE = """
@load base/frameworks/broker
event bro_init()
	{
	local h = Broker::create_master("s");
	Broker::put(h, "k", 1);
	print Broker::get(h, "k");
	when ( local r = Broker::get(h, "k") ) { print "no timeout", r; }
	local c = Broker::create_clone("other");
	when ( local r2 = Broker::get(c, "k") ) { print "never", r2; } timeout 1sec { }
	print Broker::close(h), Broker::close(h);
	when ( local r3 = Broker::get(h, "k") ) { print "closed", r3; } timeout 1sec { }
	print copy(c);
	print "end";
	}
"""


def test_store_query_misuse(tmp_path):
    # bifs/probabilistic-broker.md §4 "The query protocol" 6.: outside a when
    # condition, or without a timeout, a query fails at once; a clone without
    # master and a closed handle never answer; copy() of a handle is the
    # registered handle
    (tmp_path / "q.bro").write_text(QUERY_MISUSE)
    r = subprocess.run([sys.executable, "-m", "broscript", "-b", "q.bro"], cwd=tmp_path,
                       capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                       env=broscript_env())
    assert r.stdout == (b"[status=Broker::FAILURE, result=[data=<uninitialized>]]\n"
                        b"no timeout, [status=Broker::FAILURE, result=[data=<uninitialized>]]\n"
                        b"T, F\nbroker::store::{other}\nend\n")
    err = r.stderr.decode().splitlines()
    # A `when` works on deep copies of the frame, made through Bro's
    # serializer (bifs/core-3.md §1.3, §1.2): a closed handle cannot be
    # copied (probabilistic-broker.md §4 "Handle value"), so the copy of the
    # third `when` has no `h`, and the second `when`'s timeout block, run
    # at shutdown on a new copy, meets the handle closed meanwhile
    assert err == [
        "error in ./q.bro, line 7: Broker queries can only be called inside "
        "when-condition (Broker::get(h, k))",
        "error in ./q.bro, line 8: Broker queries must specify a timeout block "
        "(Broker::get(h, k))",
        "error: failed to look up unserialized store handle s",
        "error in ./q.bro, line 12: value used but not set (h)",
        "error: failed to look up unserialized store handle s"]


SQLITE_RUN1 = """
@load base/frameworks/broker
event bro_init()
	{
	local h = Broker::create_master("persist", Broker::SQLITE);
	Broker::put(h, "one", 110);
	Broker::put(h, "two", set(1, 2));
	Broker::increment(h, "one", 5);
	local g = Broker::create_master("elsewhere", Broker::SQLITE,
	                                [$sqlite=[$path="other.db"]]);
	Broker::put(g, "x", 1.5);
	terminate();
	}
"""

SQLITE_RUN2 = """
@load base/frameworks/broker
redef exit_only_after_terminate = T;
global h: opaque of Broker::Store;
global g: opaque of Broker::Store;
event bro_init()
	{
	h = Broker::create_master("persist", Broker::SQLITE);
	g = Broker::create_master("elsewhere", Broker::SQLITE, [$sqlite=[$path="other.db"]]);
	when ( local r = Broker::keys(h) )
		{
		print r;
		when ( local r2 = Broker::get(h, "one") )
			{
			print r2;
			when ( local r3 = Broker::get(g, "x") ) { print r3; terminate(); }
			timeout 1sec { print "timeout"; }
			}
		timeout 1sec { print "timeout"; }
		}
	timeout 1sec { print "timeout"; }
	}
"""


def test_sqlite_store_persists_across_runs(tmp_path):
    # bifs/probabilistic-broker.md §4 "Master backends": a SQLITE master's
    # contents are in <name>.sqlite (or options$sqlite$path) and a second
    # run reads them back [BL broker.store.sqlite]
    (tmp_path / "r1.bro").write_text(SQLITE_RUN1)
    (tmp_path / "r2.bro").write_text(SQLITE_RUN2)
    for name, err in (("r1.bro", b""), ("r2.bro", b"received termination signal\n")):
        r = subprocess.run([sys.executable, "-m", "broscript", "-b", name], cwd=tmp_path,
                           capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                       env=broscript_env())
        # run 2 ends its main loop by terminate() (language.md §5.3 Path C)
        assert r.stderr == err
    assert (tmp_path / "persist.sqlite").exists() and (tmp_path / "other.db").exists()
    assert r.stdout == (b"[status=Broker::SUCCESS, result=[data=broker::data{{one, two}}]]\n"
                        b"[status=Broker::SUCCESS, result=[data=broker::data{115}]]\n"
                        b"[status=Broker::SUCCESS, result=[data=broker::data{1.500000}]]\n")


def test_a_store_file_is_read_as_data_only(tmp_path):
    # a SQLITE store's file may come from anyone: its rows are data, never
    # code (a pickle that runs a command when loaded is a row to skip), and
    # a row that is not what broscript writes is left out
    import pickle
    import sqlite3

    class Trap:
        def __reduce__(self):
            return (os.system, (f"touch {tmp_path / 'ran'}",))
    with sqlite3.connect(tmp_path / "persist.sqlite") as db:
        db.execute("CREATE TABLE store (k TEXT, v TEXT)")
        db.executemany("INSERT INTO store VALUES (?, ?)", [
            (pickle.dumps(Trap()), pickle.dumps(Trap())),
            ('["string", "one"]', '["count", 115]'),
            ('["string", "bad"]', '["count", "not a number"]'),
            ('["string", "two"]', '["set", [["count", 1], ["count", 2]]]')])
    (tmp_path / "r2.bro").write_text(SQLITE_RUN2)
    r = subprocess.run([sys.executable, "-m", "broscript", "-b", "r2.bro"], cwd=tmp_path,
                       capture_output=True, timeout=120, stdin=subprocess.DEVNULL,
                       env=broscript_env())
    assert not (tmp_path / "ran").exists()
    assert r.stdout.split(b"\n")[:2] == [
        b"[status=Broker::SUCCESS, result=[data=broker::data{{one, two}}]]",
        b"[status=Broker::SUCCESS, result=[data=broker::data{115}]]"]
