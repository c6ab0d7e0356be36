"""The config framework end to end (bifs/logging-input.md Part 3, §2.9.5)
and the SQLite reader on a real database file (§2.9.6): scripts run in a tmp
dir and config.log is compared byte for byte with what Bro 2.6 writes.
Expected texts come from the spec, never from broscript.  `#open`/`#close`
and the `ts` column carry the time of the run: their format is checked,
then they are masked, as Bro's btest does."""
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import bro_path, broscript_env

DATA = Path(__file__).parent / "data" / "input" / "readers"
STAMP = re.compile(rb"^(#(?:open|close)\t)\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)
TS = re.compile(rb"^\d{10}\.\d{6}\t", re.M)

CONFIG_HEADER = (b"#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
                 b"#path\tconfig\n#open\tXXXX\n#fields\tts\tid\told_value\tnew_value\tlocation\n"
                 b"#types\ttime\tstring\tstring\tstring\tstring\n")
CLOSE = b"#close\tXXXX\n"


def run(tmp_path, script, *data, bropath="."):
    for name in data:
        shutil.copy(DATA / name, tmp_path / name)
    (tmp_path / "t.bro").write_text(script)
    env = broscript_env(BROPATH=bropath)
    for k in ("ZEEKPATH", "CLUSTER_NODE", "BRO_LOG_SUFFIX"):
        env.pop(k, None)
    return subprocess.run([sys.executable, "-m", "broscript", "-b", "t.bro"], cwd=tmp_path,
                          capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def config_log(tmp_path) -> bytes:
    return TS.sub(b"XXX\t", STAMP.sub(rb"\1XXXX", (tmp_path / "config.log").read_bytes()))


def rows(*lines: str) -> bytes:
    return CONFIG_HEADER + b"".join(b"XXX\t" + ln.encode() + b"\n" for ln in lines) + CLOSE


OPTIONS = """
@load base/frameworks/config
redef exit_only_after_terminate = T;

type Color: enum { RED, BLUE };

option testbool = F;
option testcount = 0;
option testport = 1/tcp;
option testint = 1sec;
option test_set: set[string] = {"a"};
option test_dash: set[string] = {};
option test_vector: vector of count = vector();
option col = RED;
option mystr = "";
option testaddr = 127.0.0.1;
"""

BASIC = OPTIONS + """
redef Config::config_files += { "config-basic.dat" };

function times_ten(ID: string, new_value: count, location: string): count
	{
	print "handler", ID, new_value, location;
	return new_value * 10;
	}

event bro_init()
	{
	Option::set_change_handler("testcount", times_ten, 10);
	}

# current_config is not exported: look at it from inside its module
module Config;

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	print testcount, testport, testint, test_vector, col, mystr;
	print Config::current_config["testbool"], |Config::current_config|;
	terminate();
	}
"""

BASIC_ROWS = rows(
    "testbool\tF\tT\tconfig-basic.dat",
    "testcount\t0\t10\tconfig-basic.dat",
    "testcount\t10\t20\tconfig-basic.dat",
    "testport\t1/tcp\t45/unknown\tconfig-basic.dat",
    "testint\t1.0 sec\t60.0\tconfig-basic.dat",
    "test_set\ta\t(empty)\tconfig-basic.dat",
    "test_dash\t(empty)\t\\x2d\tconfig-basic.dat",
    "test_vector\t(empty)\t1,2,3\tconfig-basic.dat",
    "col\tRED\tBLUE\tconfig-basic.dat",
    "mystr\t(empty)\thello  world\tconfig-basic.dat",
    "testaddr\t127.0.0.1\t127.0.0.1\tconfig-basic.dat")

BASIC_OUT = (b"handler, testcount, 1, config-basic.dat\n"
             b"handler, testcount, 2, config-basic.dat\n"
             b"end_of_data, config-config-basic.dat, config-basic.dat\n"
             b"20, 45/unknown, 60.0, [1, 2, 3], BLUE, hello  world\n"
             b"T, 10\n")


def test_config_files_log_every_change_in_line_order(tmp_path):
    # Part 3: one REREAD table stream per file; each new_value becomes
    # Config::set_value; change handlers run by priority (ours at 10 sees
    # the value first, the logging one at -100 logs what it returned);
    # `45` is 45/unknown, an empty set is (empty), a set {"-"} is \x2d,
    # an unchanged value is still logged; current_config holds the texts
    p = run(tmp_path, BASIC, "config-basic.dat")
    assert p.stderr == b"received termination signal\n"
    assert p.stdout == BASIC_OUT
    assert config_log(tmp_path) == BASIC_ROWS


def test_config_files_on_bros_own_config_framework(tmp_path):
    # the same run with Bro 2.6's own base/frameworks/config from BROPATH
    p = run(tmp_path, BASIC, "config-basic.dat", bropath=".:" + bro_path())
    assert p.stderr == b"received termination signal\n"
    assert p.stdout == BASIC_OUT
    assert config_log(tmp_path) == BASIC_ROWS


UPDATES = OPTIONS + """
redef Config::config_files += { "config.dat" };

type Line: record {
	s: string;
};

global reads = 0;

module Config;

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	}

event Input::end_of_data(name: string, source: string)
	{
	if ( name != "config-config.dat" )
		return;

	++reads;
	local shown: vector of string = vector();
	for ( o in set("testcount", "testbool", "test_vector") )
		if ( o in Config::current_config )
			shown += fmt("%s=%s", o, Config::current_config[o]);
	print "read", reads, |Config::current_config|, join_string_vec(sort(shown, strcmp), " ");
	if ( reads == 3 )
		{
		terminate();
		return;
		}
	# replace the file atomically, as the framework asks
	Input::add_event([$source=fmt("mv config-v%d.dat config.dat |", reads + 1),
	                  $reader=Input::READER_RAW, $name=fmt("mv%d", reads),
	                  $fields=Line, $ev=line, $want_record=F]);
	}
"""


def test_config_file_reread_sends_only_changed_lines(tmp_path):
    # §2.9.5: testcount 1, 2, 2 logs two changes; a re-read logs only lines
    # whose text changed; test_vector, absent from v2 and back in v3 with its
    # old text, is logged again with equal old and new values; the table
    # keeps only the options of the last read that changed
    shutil.copy(DATA / "config-v1.dat", tmp_path / "config.dat")
    p = run(tmp_path, UPDATES, "config-v2.dat", "config-v3.dat")
    assert p.stderr == b"received termination signal\n"
    assert p.stdout == (b"read, 1, 2, test_vector=1,2 testcount=2\n"
                        b"read, 2, 1, testbool=T\n"
                        b"read, 3, 1, test_vector=1,2\n")
    assert config_log(tmp_path) == rows(
        "testcount\t0\t1\tconfig.dat",
        "testcount\t1\t2\tconfig.dat",
        "test_vector\t(empty)\t1,2\tconfig.dat",
        "testbool\tF\tT\tconfig.dat",
        "test_vector\t1,2\t1,2\tconfig.dat")


READ_CONFIG = OPTIONS + """
event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source, testcount, mystr;
	terminate();
	}

event bro_init()
	{
	Config::read_config("config-oneshot.dat");
	Config::read_config("config-oneshot.dat");
	print Config::set_value("testbool", T, "set by hand");
	}
"""


def test_read_config_reads_once_and_set_value(tmp_path):
    # Part 3: read_config's event stream is removed in the same call but the
    # file is still read whole; a second call before the next step fails;
    # set_value logs its location
    p = run(tmp_path, READ_CONFIG, "config-oneshot.dat")
    assert p.stdout == (b"T\n"
                        b"end_of_data, config-oneshot-config-oneshot.dat, config-oneshot.dat, 7, "
                        b"one line\n")
    assert p.stderr == (
        b"error: Trying create already existing input stream config-oneshot-config-oneshot.dat\n"
        b"warning: Stream config-oneshot-config-oneshot.dat is already queued for removal. "
        b"Ignoring remove.\n"
        b"received termination signal\n")
    assert config_log(tmp_path) == rows(
        "testbool\tF\tT\tset by hand",
        "testcount\t0\t7\tconfig-oneshot.dat",
        "mystr\t(empty)\tone line\tconfig-oneshot.dat")


# ---------------------------------------------------------------- SQLite §2.9.6

SQLITE = """
redef exit_only_after_terminate = T;

type Idx: record {
	uid: string;
};

type Val: record {
	ts: time;
	ok: bool;
	host: addr;
	p: port &type_column="proto";
	tags: set[string];
	note: string &optional;
};

global conns: table[string] of Val = table();
global ends = 0;

event row(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	print description$name, r$ok, r$host, r$p;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	if ( name == "table" )
		print conns["a1"], conns["b2"]?$note;
	if ( ++ends == 2 )
		terminate();
	}

event bro_init()
	{
	Input::add_table([$source="conn", $reader=Input::READER_SQLITE, $name="table",
	                  $idx=Idx, $val=Val, $destination=conns,
	                  $config=table(["query"] = "select * from conn order by uid")]);
	Input::add_event([$source="conn", $reader=Input::READER_SQLITE, $name="events",
	                  $fields=Val, $ev=row,
	                  $config=table(["query"] = "select * from conn where ok = 1")]);
	Input::add_event([$source="conn", $reader=Input::READER_SQLITE, $name="noquery",
	                  $fields=Val, $ev=row]);
	Input::add_event([$source="conn", $reader=Input::READER_SQLITE, $name="badquery",
	                  $fields=Val, $ev=row, $config=table(["query"] = "select * from nosuch")]);
	Input::add_event([$source="conn", $reader=Input::READER_SQLITE, $mode=Input::REREAD,
	                  $name="reread", $fields=Val, $ev=row,
	                  $config=table(["query"] = "select * from conn")]);
	}
"""


def test_sqlite_reader_table_and_event_streams(tmp_path):
    db = sqlite3.connect(tmp_path / "conn.sqlite")
    db.execute("create table conn (uid text, ts real, ok integer, host text, p integer, "
               "proto text, tags text, note text)")
    db.execute("insert into conn values ('b2', 2.5, 0, 'fe80::1', 53, 'udp', '(empty)', NULL)")
    db.execute("insert into conn values ('a1', 1300475167.5, 1, '141.142.220.202', 80, 'tcp', "
               "'x', 'hi')")
    db.commit()
    db.close()
    p = run(tmp_path, SQLITE)
    assert p.stdout == (b"end_of_data, table, conn\n"
                        b"[ts=1300475167.5, ok=T, host=141.142.220.202, p=80/tcp, tags={\nx\n}, "
                        b"note=hi], F\n"
                        b"events, T, 141.142.220.202, 80/tcp\n"
                        b"end_of_data, events, conn\n")
    assert p.stderr == (
        b"error: conn/Input::READER_SQLITE: No query specified when setting up SQLite data "
        b"source conn. Aborting.\n"
        b"error: conn/Input::READER_SQLITE: Init failed\n"
        b"error: conn/Input::READER_SQLITE: terminating thread\n"
        b"error: conn/Input::READER_SQLITE: SQLite call failed: no such table: nosuch\n"
        b"error: conn/Input::READER_SQLITE: Init failed\n"
        b"error: conn/Input::READER_SQLITE: terminating thread\n"
        b"error: conn/Input::READER_SQLITE: SQLite only supports manual reading mode.\n"
        b"error: conn/Input::READER_SQLITE: Init failed\n"
        b"error: conn/Input::READER_SQLITE: terminating thread\n"
        b"received termination signal\n")


# ------------------------------------------------------------ cluster (Part 3)

CLUSTER = """
option testcount = 0;

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node == "worker-1" && name == "manager" )
		Config::set_value("testcount", 5, "worker-1");
	}

event Config::log_config(rec: Config::Info)
	{
	print "logged", rec$id, rec$old_value, rec$new_value, rec$location;
	}

event bro_done()
	{
	print testcount;
	}
"""


def test_set_value_on_a_worker_reaches_every_node(tmp_path):
    # main.bro's cluster half: the worker sets its own value and sends the
    # change to the manager, which sets it, sends it on to every other node
    # and is the only one that logs it
    (tmp_path / "t.bro").write_text(CLUSTER)
    layout = Path(__file__).parents[1] / "examples" / "cluster-layout.bro"
    env = broscript_env(BROPATH=".")
    for k in ("ZEEKPATH", "CLUSTER_NODE", "BRO_LOG_SUFFIX"):
        env.pop(k, None)
    p = subprocess.run([sys.executable, "-m", "broscript", "--simulate", "all", "--layout",
                        str(layout), "--node-output", "out", "t.bro"], cwd=tmp_path,
                       capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL)
    assert p.returncode == 0, p.stderr
    nodes = sorted(d.name for d in (tmp_path / "out").iterdir())
    assert nodes == ["logger", "manager", "proxy-1", "proxy-2", "proxy-3",
                     "worker-1", "worker-2", "worker-3", "worker-4"]
    for n in nodes:
        out = (tmp_path / "out" / n / ".stdout").read_bytes()
        if n == "manager":
            assert out == b"logged, testcount, 0, 5, worker-1\n5\n"
        else:
            assert out == b"5\n"


# ------------------------------------------- the reader goldens on Bro's library

GOLDEN = Path(__file__).parent / "golden" / "input" / "readers"


@pytest.mark.parametrize("script", sorted(GOLDEN.glob("*.bro")), ids=lambda p: p.name)
def test_reader_goldens_on_bros_own_input_framework(script):
    # the same scripts and expected output with Bro 2.6's own input
    # framework and reader declarations (base/frameworks/input) on BROPATH
    env = broscript_env(BROPATH=".:" + bro_path())
    for k in ("ZEEKPATH", "CLUSTER_NODE", "BRO_LOG_SUFFIX"):
        env.pop(k, None)
    p = subprocess.run([sys.executable, "-m", "broscript", "-b", script.name], cwd=script.parent,
                       capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    err = script.parent / (script.stem + ".err")
    assert p.stdout == (script.parent / (script.stem + ".out")).read_bytes()
    assert p.stderr == (err.read_bytes() if err.exists() else b"")
