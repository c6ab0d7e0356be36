"""The logging framework end to end: scripts run in a tmp dir and the log
files they write are compared byte for byte with what Bro 2.6 writes, as
bifs/logging-input.md Part 1 gives it (expected texts come from the spec,
never from broscript).  `#open`/`#close` carry the time of the run, so their
value is checked for its format and then masked, as Bro's btest does
(§1.9.3)."""
import gzip
import os
import re

from conftest import bro_path, run_script

STAMP = re.compile(rb"^(#(?:open|close)(?:\t|\|\|))\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)

HEADER = (b"#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
          b"#path\t%s\n#open\tXXXX\n")


def run(tmp_path, script, *args, env_extra=None, bropath="."):
    return run_script(tmp_path, script, *args, env_extra=env_extra, bropath=bropath)


def masked(data: bytes) -> bytes:
    return STAMP.sub(rb"\1XXXX", data)


def log(tmp_path, name) -> bytes:
    return masked((tmp_path / name).read_bytes())


def header(path: bytes, fields, types) -> bytes:
    return HEADER % path + b"#fields\t" + b"\t".join(fields) + b"\n#types\t" + b"\t".join(types) + b"\n"


CLOSE = b"#close\tXXXX\n"

TYPES = """
module SSH;
export {
	redef enum Log::ID += { LOG };
	type Log: record {
		t: time;
		id: conn_id;
		status: string &optional;
		country: string &default="unknown";
		b: bool;
		i: int;
		s: set[count];
		v: vector of string;
		d: double;
		iv: interval;
		e: Log::ID;
		sn: subnet;
	} &log;
}
event bro_init()
	{
	Log::create_stream(SSH::LOG, [$columns=Log]);
	local cid = [$orig_h=1.2.3.4, $orig_p=1234/tcp, $resp_h=[fe80::217:f2ff:fed7:cf65], $resp_p=53/udp];
	Log::write(SSH::LOG, [$t=double_to_time(1468426530.200935), $id=cid, $status="success",
	                      $b=T, $i=-42, $s=set(21), $v=vector("a,b", "", "-"), $d=3.14,
	                      $iv=100sec, $e=SSH::LOG, $sn=10.0.0.1/24]);
	Log::write(SSH::LOG, [$t=double_to_time(1.0), $id=cid, $country="a\\tb\\\\c\\x01", $b=F,
	                      $i=-1, $s=set(), $v=vector(), $d=2153226000.1, $iv=-1.5sec,
	                      $e=SSH::LOG, $sn=10.0.0.1/24]);
	}
"""


def test_every_type_and_the_header(tmp_path):
    # §1.9.3 header, §1.9.6 rows: ports as numbers, Algorithm T for times and
    # intervals, S/E escaping, empty vs unset, the set separator escaped
    # inside a vector only, &default filled in on coercion
    p = run(tmp_path, TYPES, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    raw = (tmp_path / "ssh.log").read_bytes()
    assert STAMP.search(raw)
    assert log(tmp_path, "ssh.log") == header(
        b"ssh",
        [b"t", b"id.orig_h", b"id.orig_p", b"id.resp_h", b"id.resp_p", b"status", b"country",
         b"b", b"i", b"s", b"v", b"d", b"iv", b"e", b"sn"],
        [b"time", b"addr", b"port", b"addr", b"port", b"string", b"string", b"bool", b"int",
         b"set[count]", b"vector[string]", b"double", b"interval", b"enum", b"subnet"]) + (
        b"1468426530.200935\t1.2.3.4\t1234\tfe80::217:f2ff:fed7:cf65\t53\tsuccess\tunknown\tT\t-42"
        b"\t21\ta\\x2cb,(empty),\\x2d\t3.14\t100.000000\tSSH::LOG\t10.0.0.0/24\n"
        b"1.000000\t1.2.3.4\t1234\tfe80::217:f2ff:fed7:cf65\t53\t-\ta\\x09b\\\\c\\x01\tF\t-1"
        b"\t(empty)\t(empty)\t2153226000.1\t-1.500000\tSSH::LOG\t10.0.0.0/24\n") + CLOSE


ONE_COLUMN = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { %s } &log;
}
%s
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	%s
	}
"""


def one(tmp_path, fields, writes, pre="", args=("-b",), name="test.log"):
    p = run(tmp_path, ONE_COLUMN % (fields, pre, writes), *args)
    assert p.returncode == 0, p.stderr
    return p, log(tmp_path, name)


def rows(data: bytes) -> list:
    return [line for line in data.split(b"\n") if line and not line.startswith(b"#")]


def test_double_algorithm_d(tmp_path):
    # §1.9.6 Algorithm D, values from scripts.base.frameworks.logging.ascii-double
    vals = ["2153226000.0", "2153226000.1", "2153226000.123456789", "1.0", "1.123456789",
            "-1.123456789", "0.1234", "50000.0", "3.14e15", "1.23456789e-5", "2.23e-308",
            "-2.23e-308", "-0.0"]
    writes = "".join(f"Log::write(Test::LOG, [$d={v}]);\n" for v in vals)
    _, data = one(tmp_path, "d: double;", writes)
    assert rows(data) == [b"2153226000.0", b"2153226000.1", b"2153226000.123457", b"1.0",
                          b"1.123457", b"-1.123457", b"0.1234", b"50000.0",
                          b"3140000000000000.0", b"0.000012", b"0", b"-0", b"0.0"]


def test_time_algorithm_t(tmp_path):
    # §1.9.6 Algorithm T (ascii-timestamps); over 2^31-1 C's %e
    vals = ["1234567890.0", "1234567890.01", "1234567890.000001", "1234567890.0000001",
            "3000000000.0"]
    writes = "".join(f"Log::write(Test::LOG, [$t=double_to_time({v})]);\n" for v in vals)
    _, data = one(tmp_path, "t: time;", writes)
    assert rows(data) == [b"1234567890.000000", b"1234567890.010000", b"1234567890.000001",
                          b"1234567890.000000", b"3.000000e+09"]


def test_separator_options_and_escapes(tmp_path):
    # §1.9.3 header escape (`||` stays), §1.9.6 escape E: the separator and,
    # inside a set, the set separator as \xNN; markers equal to a value get
    # their first byte escaped (ascii-escape, ascii-escape-empty-str)
    pre = ('redef LogAscii::separator = "||"; redef LogAscii::set_separator = ";";\n'
           'redef LogAscii::empty_field = "EMPTY"; redef LogAscii::unset_field = "NONE";')
    _, data = one(tmp_path, "s: string; x: string &optional; v: vector of string;",
                  'Log::write(Test::LOG, [$s="fa||ure", $v=vector("EMPTY", "a;b", "a||b")]);\n'
                  'Log::write(Test::LOG, [$s="NONE", $x="", $v=vector()]);', pre=pre)
    assert data == (b"#separator ||\n#set_separator||;\n#empty_field||EMPTY\n"
                    b"#unset_field||NONE\n#path||test\n#open||XXXX\n#fields||s||x||v\n"
                    b"#types||string||string||vector[string]\n"
                    b"fa\\x7c\\x7cure||NONE||\\x45MPTY;a\\x3bb;a\\x7c\\x7cb\n"
                    b"\\x4eONE||EMPTY||EMPTY\n#close||XXXX\n")


def test_meta_prefix_and_comment_like_row(tmp_path):
    # §1.9.3: every line but the first is PREFIX key SEP value; §1.9.6: a row
    # that starts with the prefix gets its first byte escaped
    _, data = one(tmp_path, "s: string; n: count;",
                  'Log::write(Test::LOG, [$s="#Kaputt", $n=42]);',
                  pre='redef LogAscii::meta_prefix = "PREFIX<>";')
    lines = data.split(b"\n")
    assert lines[0] == b"PREFIX<>separator \\x09"
    assert lines[1] == b"PREFIX<>set_separator\t,"
    assert lines[7] == b"PREFIX<>types\tstring\tcount"
    assert lines[8] == b"#Kaputt\t42"
    assert re.match(rb"PREFIX<>close\t\d{4}-", lines[9])
    _, data = one(tmp_path, "s: string; n: count;",
                  'Log::write(Test::LOG, [$s="#Kaputt", $n=42]);')
    assert rows(data + b"\n") == [b"\\x23Kaputt\t42"]


def test_no_meta_and_tsv(tmp_path):
    # §1.9.4/§1.9.5: no header or footer without meta; TSV: names only
    _, data = one(tmp_path, "a: count; b: string;", 'Log::write(Test::LOG, [$a=1, $b="x"]);',
                  pre="redef LogAscii::include_meta = F;")
    assert data == b"1\tx\n"
    _, data = one(tmp_path, "a: count; b: string;",
                  'local f = Log::get_filter(Test::LOG, "default");\n'
                  'f$config = table(["tsv"] = "T");\n'
                  'Log::add_filter(Test::LOG, f);\n'
                  'Log::write(Test::LOG, [$a=1, $b="x"]);')
    assert data == b"a\tb\n1\tx\n"


JSON_FIELDS = ("b: bool; i: int; e: Log::ID; c: count; p: port; sn: subnet; a: addr; d: double;"
               " t: time; iv: interval; s: string; sc: set[count]; se: set[string];"
               " vc: vector of count; ve: vector of string; u: string &optional;")
JSON_WRITE = ('Log::write(Test::LOG, [$b=T, $i=-42, $e=Test::LOG, $c=21, $p=123/tcp, $sn=10.0.0.1/24,'
              ' $a=1.2.3.4, $d=3.14, $t=double_to_time(1215620010.54321), $iv=100.0sec,'
              ' $s="hu\\"rz&\\x01", $sc=set(2), $se=set(), $vc=vector(10, 20, 30), $ve=vector()]);')


def test_json(tmp_path):
    # §1.9.7: no header, unset columns left out, escapes as \u00NN
    _, data = one(tmp_path, JSON_FIELDS, JSON_WRITE, pre="redef LogAscii::use_json = T;")
    assert data == (b'{"b":true,"i":-42,"e":"Test::LOG","c":21,"p":123,"sn":"10.0.0.0/24",'
                    b'"a":"1.2.3.4","d":3.14,"t":1215620010.54321,"iv":100.0,'
                    b'"s":"hu\\u0022rz\\u0026\\u0001","sc":[2],"se":[],"vc":[10,20,30],"ve":[]}\n')


def test_json_timestamps(tmp_path):
    # §1.9.7 TS_MILLIS and TS_ISO8601 (ascii-json-iso-timestamps)
    writes = ('Log::write(Test::LOG, [$t=double_to_time(1215620010.005432)]);\n'
              'Log::write(Test::LOG, [$t=double_to_time(-0.4)]);\n'
              'Log::write(Test::LOG, [$t=double_to_time(-99.0)]);')
    _, data = one(tmp_path, "t: time;", writes,
                  pre="redef LogAscii::use_json = T; redef LogAscii::json_timestamps = JSON::TS_ISO8601;")
    assert data == (b'{"t":"2008-07-09T16:13:30.005432Z"}\n{"t":"1969-12-31T23:59:59.600000Z"}\n'
                    b'{"t":"1969-12-31T23:58:21.000000Z"}\n')
    _, data = one(tmp_path, "t: time;", 'Log::write(Test::LOG, [$t=double_to_time(1215620010.54321)]);',
                  pre="redef LogAscii::use_json = T; redef LogAscii::json_timestamps = JSON::TS_MILLIS;")
    assert data == b'{"t":1215620010543}\n'


def test_gzip(tmp_path):
    # §1.9.8: name + .gz, content the same text
    p = run(tmp_path, ONE_COLUMN % ("a: count;", "redef LogAscii::gzip_level = 6;",
                                    "Log::write(Test::LOG, [$a=7]);"), "-b")
    assert p.returncode == 0, p.stderr
    assert not (tmp_path / "test.log").exists()
    data = masked(gzip.decompress((tmp_path / "test.log.gz").read_bytes()))
    assert data == header(b"test", [b"a"], [b"count"]) + b"7\n" + CLOSE


def test_output_to_stdout(tmp_path):
    # §1.9.2: the path becomes /dev/stdout, in the file and the #path line
    p, _ = None, None
    p = run(tmp_path, ONE_COLUMN % ("a: count;", "redef LogAscii::output_to_stdout = T;",
                                    "Log::write(Test::LOG, [$a=7]);"), "-b")
    assert p.returncode == 0, p.stderr
    assert not (tmp_path / "test.log").exists()
    assert masked(p.stdout) == header(b"/dev/stdout", [b"a"], [b"count"]) + b"7\n" + CLOSE


def test_log_suffix(tmp_path):
    # §1.9.2: BRO_LOG_SUFFIX replaces the extension (env-ext)
    p = run(tmp_path, ONE_COLUMN % ("a: count;", "", "Log::write(Test::LOG, [$a=7]);"), "-b",
            env_extra={"BRO_LOG_SUFFIX": "txt"})
    assert p.returncode == 0, p.stderr
    assert log(tmp_path, "test.txt") == header(b"test", [b"a"], [b"count"]) + b"7\n" + CLOSE


def test_nested_include_exclude_scope_sep_and_name_map(tmp_path):
    # §1.3: a record field without &log is skipped whole; include/exclude
    # test full leaf names; scope_sep and field_name_map rename
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Inner: record { x: count &log; y: count &log; z: count; };
	type Info: record { a: count &log; id: Inner &log; hidden: Inner; b: string &log; };
}
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="inc", $path="inc", $include=set("a", "id.x", "id")]);
	Log::add_filter(Test::LOG, [$name="exc", $path="exc", $exclude=set("id.x")]);
	Log::add_filter(Test::LOG, [$name="sep", $path="sep", $scope_sep="*",
	                            $field_name_map=table(["id*y"] = "why")]);
	local inner = [$x=1, $y=2, $z=3];
	Log::write(Test::LOG, [$a=5, $id=inner, $hidden=inner, $b="s"]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    assert rows(log(tmp_path, "test.log")) == [b"5\t1\t2\ts"]
    assert b"#fields\ta\tid.x\tid.y\tb\n" in log(tmp_path, "test.log")
    assert b"#fields\ta\tid.x\n" in log(tmp_path, "inc.log")
    assert b"#fields\ta\tid.y\tb\n" in log(tmp_path, "exc.log")
    assert b"#fields\ta\tid*x\twhy\tb\n" in log(tmp_path, "sep.log")
    assert rows(log(tmp_path, "sep.log")) == [b"5\t1\t2\ts"]


def test_pred_path_func_and_path_conflict(tmp_path):
    # §1.5 steps 4.1-4.3: pred F skips; path_func picks the path; a second
    # filter on another filter's path moves to path-2 with a warning
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { n: count &log; };
}
function even(rec: Info): bool { return rec$n % 2 == 0; }
function splitter(id: Log::ID, path: string, rec: Info): string { return fmt("p-%d", rec$n % 3); }
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="evens", $path="test", $pred=even]);
	Log::add_filter(Test::LOG, [$name="split", $path_func=splitter]);
	local i = 0;
	while ( ++i <= 4 )
		Log::write(Test::LOG, [$n=i]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0, p.stderr
    assert p.stderr == (b"warning: Write using filter 'evens' on path 'test' changed to use new "
                        b"path 'test-2' to avoid conflict with filter 'default'\n")
    assert rows(log(tmp_path, "test.log")) == [b"1", b"2", b"3", b"4"]
    assert rows(log(tmp_path, "test-2.log")) == [b"2", b"4"]
    assert b"#path\ttest-2\n" in log(tmp_path, "test-2.log")
    assert rows(log(tmp_path, "p-1.log")) == [b"1", b"4"]
    assert rows(log(tmp_path, "p-2.log")) == [b"2"]
    assert rows(log(tmp_path, "p-0.log")) == [b"3"]


def test_disable_enable_remove_and_event(tmp_path):
    # §1.2: a disabled stream writes nothing; remove_stream closes the file
    # and later writes return F; the stream's event runs later, queued;
    # Log::enable_stream returns no value (Bro's script bug, §0)
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { n: count &log; };
	global log_test: event(rec: Info);
}
event log_test(rec: Info) { print "event", rec$n; }
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $ev=log_test]);
	Log::disable_stream(Test::LOG);
	print Log::write(Test::LOG, [$n=1]);
	Log::enable_stream(Test::LOG);
	print Log::write(Test::LOG, [$n=2]);
	print "written";
	Log::remove_stream(Test::LOG);
	print Log::write(Test::LOG, [$n=3]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0, p.stderr
    assert p.stdout == b"T\nT\nwritten\nF\nevent, 2\n"
    assert p.stderr == b"warning: non-void function returns without a value: Log::enable_stream\n"
    assert log(tmp_path, "test.log") == header(b"test", [b"n"], [b"count"]) + b"2\n" + CLOSE


def test_extension_fields_with_bros_wrong_record_bug(tmp_path):
    # §1.4: column i < number of ext *type* fields reads the ext record, so
    # `ts` (column 3) shows the ext record's write_ts (field-extension-optional)
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { ts: time &log; uid: string &log; };
}
type Extension: record {
	write_ts: time &log;
	stream: string;
	system_name: string &log &optional;
	undefined_string: string &log &optional;
};
function add_extension(path: string): Extension
	{
	return [$write_ts=double_to_time(1.5), $stream=path, $system_name="sys"];
	}
redef Log::default_ext_func = add_extension;
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$ts=double_to_time(100.0), $uid="abc"]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    assert log(tmp_path, "test.log") == header(
        b"test", [b"_write_ts", b"_system_name", b"_undefined_string", b"ts", b"uid"],
        [b"time", b"string", b"string", b"time", b"string"]) + b"1.500000\tsys\t-\t1.500000\tabc\n" + CLOSE


def test_write_type_checks(tmp_path):
    # §1.5 step 2: a field of another type fails the write with an error
    _, data = None, None
    p = run(tmp_path, ONE_COLUMN % ("i: int;", "", "print Log::write(Test::LOG, [$i=5]);"), "-b")
    assert p.returncode == 0
    assert p.stdout == b"F\n"
    assert p.stderr == b"error: incompatible log record type\n"
    assert not (tmp_path / "test.log").exists()


def test_none_writer_debug(tmp_path):
    # §1.10 (none-debug): the None writer writes no file and, with debug,
    # prints what it was created with
    script = ONE_COLUMN % (
        "id: conn_id; status: string;",
        "redef Log::default_writer = Log::WRITER_NONE; redef LogNone::debug = T;",
        'local f = Log::get_filter(Test::LOG, "default");\n'
        'f$config = table(["foo"] = "bar", ["a"] = "b");\n'
        'Log::add_filter(Test::LOG, f);\n'
        'Log::write(Test::LOG, [$id=[$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=2.3.4.5, $resp_p=2/udp],'
        ' $status="ok"]);')
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    assert os.listdir(tmp_path) == ["t.bro"]
    assert p.stdout == (b"[logging::writer::None]\n  path=test\n  rotation_interval=0\n"
                        b"  rotation_base=0\n  config[a] = b\n  config[foo] = bar\n"
                        b"  field id.orig_h: addr\n  field id.orig_p: port\n  field id.resp_h: addr\n"
                        b"  field id.resp_p: port\n  field status: string\n\n")


def test_no_local_logging(tmp_path):
    # §1.5: log_local F makes a writer without a backend: no file
    p = run(tmp_path, ONE_COLUMN % ("a: count;", "redef Log::enable_local_logging = F;",
                                    "Log::write(Test::LOG, [$a=7]);"), "-b")
    assert p.returncode == 0 and p.stderr == b""
    assert os.listdir(tmp_path) == ["t.bro"]


def test_missing_directory(tmp_path):
    # §1.8: a path in a missing directory: the writer's errors, no file
    p = run(tmp_path, ONE_COLUMN % ("a: count;", "",
                                    'Log::add_filter(Test::LOG, [$name="x", $path="a/b"]);\n'
                                    "Log::write(Test::LOG, [$a=7]);"), "-b")
    assert p.returncode == 0
    assert p.stderr == (b"error: a/b/Log::WRITER_ASCII: cannot open a/b.log: No such file or directory\n"
                        b"error: a/b/Log::WRITER_ASCII: terminating thread\n")


def test_with_bros_own_logging_framework(tmp_path):
    # our writers behind Bro 2.6's own base/frameworks/logging, unchanged
    script = ONE_COLUMN % ("a: count; s: set[string];", "",
                           'Log::write(Test::LOG, [$a=7, $s=set("x")]);')
    p = run(tmp_path, "@load base/frameworks/logging\n" + script, "-b",
            bropath=".:" + bro_path())
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    assert log(tmp_path, "test.log") == header(b"test", [b"a", b"s"], [b"count", b"set[string]"]) + (
        b"7\tx\n" + CLOSE)


def test_simulated_nodes_write_into_their_own_directories(tmp_path):
    # §1.9.2 with --node-output DIR: each node's files in DIR/NAME/; the
    # #open time is the simulation's virtual clock (2019-01-01 00:00:00 UTC)
    script = ONE_COLUMN % ("node: string;", "",
                           "Log::write(Test::LOG, [$node=Cluster::node]);")
    (tmp_path / "cluster-layout.bro").write_text(
        'redef Cluster::nodes = {\n'
        '\t["manager"] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=37757/tcp],\n'
        '\t["worker-1"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=37760/tcp, $manager="manager"],\n'
        '};\n')
    p = run(tmp_path, script, "--simulate", "all", "--node-output", "out",
            env_extra={"TZ": "UTC"})
    assert p.returncode == 0, p.stderr
    data = (tmp_path / "out" / "manager" / "test.log").read_bytes()
    assert b"#open\t2019-01-01-00-00-00\n" in data
    assert rows(data) == [b"manager"]
    # a worker does not log locally (its cluster framework's
    # Log::enable_local_logging = F)
    assert not (tmp_path / "out" / "worker-1" / "test.log").exists()
    assert not (tmp_path / "test.log").exists()


def test_sqlite_writer(tmp_path):
    # §1.10: <path>.sqlite, table named by the path (with the info line),
    # Bro's column types, NULL for unset and the empty string, 32-bit ints,
    # sets joined by LogSQLite::set_separator
    import sqlite3
    script = ONE_COLUMN % (
        "b: bool; c: count; a: addr; d: double; s: string; e: string; u: string &optional;"
        " v: vector of count; p: port;", "",
        'Log::add_filter(Test::LOG, [$name="sqlite", $path="db", $writer=Log::WRITER_SQLITE]);\n'
        'Log::write(Test::LOG, [$b=T, $c=4294967297, $a=1.2.3.4, $d=1.5, $s="x", $e="",'
        ' $v=vector(1, 2), $p=80/tcp]);')
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0, p.stderr
    assert p.stderr == (b"db/Log::WRITER_SQLITE: tablename configuration option not found. "
                        b"Defaulting to path db\n")
    db = sqlite3.connect(str(tmp_path / "db.sqlite"))
    try:
        # SQLite itself writes the declared types integer and text in capitals
        cols = [(r[1], r[2].lower()) for r in db.execute("PRAGMA table_info(db)")]
        rows_ = list(db.execute("SELECT * FROM db"))
    finally:
        db.close()
    assert cols == [("b", "boolean"), ("c", "integer"), ("a", "text"), ("d", "double precision"),
                    ("s", "text"), ("e", "text"), ("u", "text"), ("v", "text"), ("p", "integer")]
    assert rows_ == [(1, 1, "1.2.3.4", 1.5, "x", None, None, "1,2", 80)]


def test_path_func_taking_a_subset_record(tmp_path):
    # §1.5 step 4.2 (path-func-column-demote): the record is coerced to the
    # path_func's own parameter type, extra fields dropped
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { a: count &log; b: string &log; };
}
type Sub: record { b: string; };
function by_b(id: Log::ID, path: string, rec: Sub): string { return rec$b; }
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info, $path="unused"]);
	Log::remove_default_filter(Test::LOG);
	Log::add_filter(Test::LOG, [$name="byb", $path_func=by_b]);
	Log::write(Test::LOG, [$a=1, $b="first"]);
	Log::write(Test::LOG, [$a=2, $b="second"]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    assert rows(log(tmp_path, "first.log")) == [b"1\tfirst"]
    assert rows(log(tmp_path, "second.log")) == [b"2\tsecond"]


def test_escape_e_vectors():
    # §1.9.6 escape E, the function itself: values that need no escape come
    # back unchanged (its fast path), every other case as the scan gives it
    from broscript.logging.formats import escape
    tab = [b"\t"]
    assert escape(b"worker-1 got hello", tab) == b"worker-1 got hello"
    assert escape(b"", tab) == b""
    assert escape(b"AB\\xffCD\x00", tab) == b"AB\\\\xffCD\\x00"
    assert escape(b"foo \xc2\xae bar \x0e~\x7f", tab) == b"foo \\xc2\\xae bar \\x0e~\\x7f"
    assert escape(b"a\tb", tab) == b"a\\x09b"
    assert escape(b"fa||ure|", [b"||"]) == b"fa\\x7c\\x7cure|"
    assert escape(b"a,b", [b",", b"\t"]) == b"a\\x2cb"
    assert escape(b"a;b", [b"", b"\t"]) == b"a;b"
