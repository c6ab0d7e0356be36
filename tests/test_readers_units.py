"""The raw, binary, benchmark, config and SQLite readers on their own, with
a recording sink in place of the input manager (readers_fake.py): what each
reports, in order, for the inputs of bifs/logging-input.md §2.9.2-§2.9.6.
Expected reports come from the spec; end-to-end runs are in
test_readers_e2e.py."""
import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from readers_fake import bool_field, make, string_field  # noqa: E402

from broscript import types as T  # noqa: E402
from broscript.input.reader import Field  # noqa: E402
from broscript.runtime.values import UNSET, V4_MAPPED, make_port  # noqa: E402

RAW = "Input::READER_RAW"


def puts(sink):
    return [e[1] for e in sink.log if e[0] == "put"]


# ------------------------------------------------------------------- raw §2.9.2

def test_raw_file_every_record_with_empty_and_unterminated(tmp_path):
    # an empty line is a record; a last record without separator counts too;
    # no unescaping, no comments; MANUAL ends the read with the end marker
    f = tmp_path / "in.txt"
    f.write_bytes(b"sdfkh:KH;fdkncv;ISEUp34:Fkdj;YVpIODhfDF\n#comment \\x41\n\nlast")
    r, s = make(RAW, str(f), [string_field()])
    assert r.open() is True
    assert s.log == [("put", [b"sdfkh:KH;fdkncv;ISEUp34:Fkdj;YVpIODhfDF"]),
                     ("put", [b"#comment \\x41"]), ("put", [b""]), ("put", [b"last"]),
                     ("end_of_data",)]


def test_raw_record_separator_longer_than_one_byte(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes(b"a||b\n||c||")
    r, s = make(RAW, str(f), [string_field()], options={"InputRaw::record_separator": b"||"})
    r.open()
    assert puts(s) == [[b"a"], [b"b\n"], [b"c"]]


def test_raw_long_record(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes(b"x" * 8193 + b"\n")
    r, s = make(RAW, str(f), [string_field()])
    r.open()
    assert puts(s) == [[b"x" * 8193]]


def test_raw_offset_positive_and_from_the_end(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes(b"0123\nabc\n")
    r, s = make(RAW, str(f), [string_field()], config={"offset": "2"})
    r.open()
    assert puts(s) == [[b"23"], [b"abc"]]
    # -N starts at end - N + 1: -1 is the end itself, -5 the last four bytes
    r, s = make(RAW, str(f), [string_field()], config={"offset": "-1"})
    r.open()
    assert puts(s) == []
    r, s = make(RAW, str(f), [string_field()], config={"offset": "-5"}, mode="STREAM")
    r.open()
    assert puts(s) == [[b"abc"]]
    assert ("end_of_data",) not in s.log        # STREAM has no end marker


def test_raw_offset_refused_for_reread_and_commands(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes(b"x\n")
    msg = ("Offset only is supported for MODE_STREAM and MODE_MANUAL; it is also not "
           "supported when executing a command")
    for src, mode in ((str(f), "REREAD"), ("echo x |", "MANUAL")):
        r, s = make(RAW, src, [string_field()], config={"offset": "1"}, mode=mode)
        assert r.open() is False
        assert s.log == [("error", msg)]


def test_raw_field_checks():
    r, s = make(RAW, "x", [string_field(), string_field("t")])
    assert r.open() is False
    assert s.log == [("error", "Filter for raw reader contains wrong number of fields -- got 2, "
                      "expected 1. Filters for the raw reader contain one string field when used "
                      "in normal mode and one string and one bool fields when using execute mode "
                      "with stderr capuring. Filter ignored.")]
    r, s = make(RAW, "x", [Field("c", T.COUNT)])
    assert r.open() is False
    assert s.log == [("error", "First field for raw reader always has to be of type string.")]
    r, s = make(RAW, "echo |", [string_field(), string_field("b")], config={"read_stderr": "1"})
    assert r.open() is False
    assert s.log == [("error", "Second field for raw reader always has to be of type bool.")]
    r, s = make(RAW, "", [string_field()])
    assert r.open() is False
    assert s.log == [("error", "No source path provided")]


def test_raw_missing_file_and_reread_command(tmp_path):
    r, s = make(RAW, str(tmp_path / "nope.dat"), [string_field()])
    assert r.open() is False
    assert s.log == [("error", f"Init: cannot open {tmp_path / 'nope.dat'}")]
    r, s = make(RAW, "echo x |", [string_field()], mode="REREAD")
    assert r.open() is False
    assert s.log == [("error", "Rereading only supported for files, not for executables.")]


def test_raw_reread_repeats_the_first_read_once(tmp_path):
    # REREAD has no inode/mtime at the first read, so the first poll reads
    # again (§2.2: 8 lines twice); an unchanged file is then left alone
    f = tmp_path / "in.txt"
    f.write_bytes(b"a\nb\n")
    r, s = make(RAW, str(f), [string_field()], mode="REREAD")
    r.open()
    r.heartbeat(1.0)
    r.heartbeat(2.0)
    assert s.log == [("put", [b"a"]), ("put", [b"b"]), ("end_of_data",)] * 2


def test_raw_stream_reads_what_is_appended(tmp_path):
    f = tmp_path / "in.txt"
    f.write_bytes(b"a\n")
    r, s = make(RAW, str(f), [string_field()], mode="STREAM")
    r.open()
    with open(f, "ab") as out:
        out.write(b"b\nc\n")
    r.heartbeat(1.0)
    r.heartbeat(2.0)
    assert s.log == [("put", [b"a"]), ("put", [b"b"]), ("put", [b"c"])]
    r.close()


def finished(name, source, code, by_signal):
    return ("send_event", "InputRaw::process_finished",
            [(T.STRING, name), (T.STRING, source), (T.COUNT, code), (T.BOOL, by_signal)])


def test_raw_command_stdout_then_stderr_and_exit():
    # read_stderr: stdout lines with F, then stderr lines with T; the end
    # marker, then the non-zero exit as an error and process_finished
    src = "echo out1; echo err1 >&2; echo out2; exit 3 |"
    r, s = make(RAW, src, [string_field(), bool_field()], config={"read_stderr": "1"})
    assert r.open() is True
    assert s.log == [("put", [b"out1", False]), ("put", [b"out2", False]),
                     ("put", [b"err1", True]), ("end_of_data",),
                     ("error", "Child process exited with non-zero return code 3"),
                     finished(b"input", src.encode(), 3, False)]
    r.close()


def test_raw_command_stdin_and_signal():
    src = "cat |"
    r, s = make(RAW, src, [string_field()], config={"stdin": "hello\nthere\x01\x02yay"})
    r.open()
    assert s.log == [("put", [b"hello"]), ("put", [b"there\x01\x02yay"]), ("end_of_data",),
                     finished(b"input", b"cat |", 0, False)]
    r, s = make(RAW, "kill -9 $$ |", [string_field()])
    r.open()
    assert s.log == [("end_of_data",), ("error", "Child process exited due to signal 9"),
                     finished(b"input", b"kill -9 $$ |", 9, True)]


def test_raw_command_stream_ends_the_stream_at_exit():
    # STREAM: nothing at start; the heartbeat reads, marks the end, raises
    # process_finished and disables the stream (Bro's DoUpdate returns F)
    r, s = make(RAW, "printf 'a\\nb' |", [string_field()], mode="STREAM")
    r.open()
    assert s.log == []
    assert r.heartbeat(1.0) is True
    assert s.log == [("put", [b"a"]), ("put", [b"b"]), ("end_of_data",),
                     finished(b"input", b"printf 'a\\nb' |", 0, False), ("disable",)]
    s.log.clear()
    r.heartbeat(2.0)
    assert s.log == []


def test_raw_command_rerun_by_force_update():
    r, s = make(RAW, "echo x |", [string_field()])
    r.open()
    assert r.update() is False      # the exit in a later update ends the stream
    assert puts(s) == [[b"x"], [b"x"]]


# ---------------------------------------------------------------- binary §2.9.3

def test_binary_chunks_tracked_with_end_marker(tmp_path):
    f = tmp_path / "blob"
    data = bytes(range(256)) * 9
    f.write_bytes(data)
    r, s = make("Input::READER_BINARY", str(f), [string_field()])
    assert r.open() is True
    assert s.log == [("send_entry", [data[:1024]]), ("send_entry", [data[1024:2048]]),
                     ("send_entry", [data[2048:]]), ("end_current_send",)]
    r, s = make("Input::READER_BINARY", str(f), [string_field()],
                options={"InputBinary::chunk_size": 1000})
    r.open()
    assert [len(e[1][0]) for e in s.log if e[0] == "send_entry"] == [1000, 1000, 304]


def test_binary_reread_keeps_the_first_read(tmp_path):
    f = tmp_path / "blob"
    f.write_bytes(b"abc")
    r, s = make("Input::READER_BINARY", str(f), [string_field()], mode="REREAD")
    r.open()
    r.heartbeat(1.0)
    assert s.log == [("send_entry", [b"abc"]), ("end_current_send",)]
    r, s = make("Input::READER_BINARY", str(f), [string_field()], mode="STREAM")
    r.open()
    with open(f, "ab") as out:
        out.write(b"def")
    r.heartbeat(1.0)
    assert s.log == [("put", [b"abc"]), ("put", [b"def"])]


def test_binary_errors(tmp_path):
    r, s = make("Input::READER_BINARY", str(tmp_path / "no"), [string_field()])
    assert r.open() is False
    assert s.log == [("error", f"Init: cannot open {tmp_path / 'no'}")]
    r, s = make("Input::READER_BINARY", "x", [string_field(), string_field("t")])
    assert r.open() is False
    assert s.log == [("error", "Filter for binary reader contains more than one field. Filters "
                      "for binary reader must contain exactly one string field. Filter ignored.")]
    r, s = make("Input::READER_BINARY", "x", [Field("c", T.COUNT)])
    assert r.open() is False
    assert s.log == [("error", "Filter for binary reader contains a non-string field.")]


# ------------------------------------------------------------- benchmark §2.9.4

def test_benchmark_makes_n_entries_per_heartbeat_interval():
    fields = [Field("s", T.STRING), Field("b", T.BOOL), Field("a", T.ADDR), Field("c", T.COUNT)]
    r, s = make("Input::READER_BENCHMARK", "5", fields)
    assert r.open() is True
    entries = [e[1] for e in s.log if e[0] == "send_entry"]
    assert len(entries) == 5 and s.log[-1] == ("end_current_send",)
    for st, b, a, c in entries:
        assert len(st) == 10 and b is True and a == V4_MAPPED | 0xC0A81101
        assert 0 <= c < 2**31


# ---------------------------------------------------------------- config §2.9.5

CONFIG_TYPES = {
    "testbool": T.BOOL, "testcount": T.COUNT, "testport": T.PORT, "testint": T.INTERVAL,
    "test_set": T.TableType([T.STRING], None), "test_vector": T.VectorType(T.COUNT),
    "test_any": T.ANY, "test_table": T.TableType([T.STRING], T.COUNT),
}
CONFIG_OPTIONS = {"InputConfig::set_separator": b",", "InputConfig::empty_field": b""}


def config_reader(path, mode="MANUAL"):
    return make("Input::READER_CONFIG", str(path), [string_field("a"), string_field("b")],
                mode=mode, options=CONFIG_OPTIONS, option_types=CONFIG_TYPES, )


def new_value(src, key, t, v):
    return ("send_event", "InputConfig::new_value",
            [(T.STRING, b"input"), (T.STRING, src.encode()), (T.STRING, key.encode()), (t, v)])


def test_config_lines_values_and_errors(tmp_path):
    f = tmp_path / "cfg"
    f.write_bytes(b"# comment\n\ntestbool A\ntestbool\tT\r\ntestport 45\ntest_set \n"
                  b"testtesttesttesttesttest\ntestbooool 1\ntest_any 5\ntest_table x\n"
                  b"testint 60\ntest_vector 1,2,3\n")
    r, s = config_reader(f)
    assert r.open() is True
    src = str(f)
    assert s.log == [
        ("warning", "Field: testbool Invalid value for boolean: A"),
        ("warning", "Could not convert line 'testbool A' to value. Ignoring line."),
        ("send_entry", [b"testbool", b"T"]), new_value(src, "testbool", T.BOOL, True),
        ("send_entry", [b"testport", b"45"]),
        new_value(src, "testport", T.PORT, make_port(45, "unknown")),
        ("send_entry", [b"test_set", b""]), new_value(src, "test_set", CONFIG_TYPES["test_set"], []),
        ("warning", "Could not parse 'testtesttesttesttesttest'; line has invalid format. "
                    "Ignoring line."),
        ("warning", "Option 'testbooool' does not exist. Ignoring line."),
        ("warning", "Option 'test_any' has type 'any', which is not supported for file input. "
                    "Ignoring line."),
        ("warning", "Option 'test_table' has type 'table', which is not supported for file "
                    "input. Ignoring line."),
        ("send_entry", [b"testint", b"60"]), new_value(src, "testint", T.INTERVAL, 60.0),
        ("send_entry", [b"test_vector", b"1,2,3"]),
        new_value(src, "test_vector", CONFIG_TYPES["test_vector"], [1, 2, 3]),
        ("end_current_send",)]


def test_config_sends_only_changed_texts(tmp_path):
    # §2.9.5: testcount 1, 2, 2 gives two changes; an identical re-read
    # sends nothing; an option absent from a read is new when it is back
    f = tmp_path / "cfg"
    f.write_bytes(b"testcount 1\ntestcount 2\ntestcount 2\ntest_vector 1\n")
    r, s = config_reader(f)
    r.open()
    assert [e[1] for e in s.log if e[0] == "send_entry"] == [
        [b"testcount", b"1"], [b"testcount", b"2"], [b"test_vector", b"1"]]
    s.log.clear()
    f.write_bytes(b"testcount 2\n")
    r.update()
    assert s.log == [("end_current_send",)]
    f.write_bytes(b"testcount 2\ntest_vector 1\n")
    s.log.clear()
    r.update()
    assert s.log == [("send_entry", [b"test_vector", b"1"]),
                     new_value(str(f), "test_vector", CONFIG_TYPES["test_vector"], [1]),
                     ("end_current_send",)]


def test_config_reread_and_missing_file(tmp_path):
    f = tmp_path / "cfg"
    r, s = config_reader(f, mode="REREAD")
    assert r.open() is True
    r.heartbeat(1.0)            # the warning is said once
    assert s.log == [("warning", f"Init: cannot open {f}")]
    f.write_bytes(b"testcount 7\n")
    s.log.clear()
    r.heartbeat(2.0)
    r.heartbeat(3.0)            # unchanged inode and mtime: nothing
    assert s.log == [("send_entry", [b"testcount", b"7"]),
                     new_value(str(f), "testcount", T.COUNT, 7), ("end_current_send",)]


def test_config_stream_mode_puts(tmp_path):
    f = tmp_path / "cfg"
    f.write_bytes(b"testcount 1\n")
    r, s = config_reader(f, mode="STREAM")
    r.open()
    with open(f, "ab") as out:
        out.write(b"testbool F\n")
    r.heartbeat(1.0)
    assert [e[0] for e in s.log] == ["put", "send_event", "put", "send_event"]


# ---------------------------------------------------------------- SQLite §2.9.6

def sqlite_db(tmp_path):
    db = sqlite3.connect(tmp_path / "conn.sqlite")
    db.execute("create table conn (ts real, uid text, ok integer, host text, p integer, "
               "proto text, tags text, n integer)")
    db.execute("insert into conn values (1300475167.096535, 'dnGM1AdIVyh', 1, '141.142.220.202', "
               "5353, 'udp', 'a,b', 12)")
    db.execute("insert into conn values (2.5, NULL, 0, 'fe80::217:f2ff:fed7:cf65', 53, 'tcp', "
               "'(empty)', 'x')")
    db.commit()
    db.close()
    return str(tmp_path / "conn")


SQL_FIELDS = [Field("ts", T.TIME), Field("uid", T.STRING), Field("ok", T.BOOL),
              Field("host", T.ADDR), Field("p", T.PORT, secondary_name="proto"),
              Field("tags", T.TableType([T.STRING], None))]


def test_sqlite_rows_by_column_name(tmp_path):
    src = sqlite_db(tmp_path)
    r, s = make("Input::READER_SQLITE", src, SQL_FIELDS, config={"query": "select * from conn"})
    assert r.open() is True
    assert s.log == [
        ("send_entry", [1300475167.096535, b"dnGM1AdIVyh", True, V4_MAPPED | 0x8D8EDCCA,
                        make_port(5353, "udp"), [b"a", b"b"]]),
        ("send_entry", [2.5, UNSET, False, 0xFE800000000000000217F2FFFED7CF65,
                        make_port(53, "tcp"), []]),
        ("end_current_send",)]


def test_sqlite_number_as_text_and_text_as_number(tmp_path):
    src = sqlite_db(tmp_path)
    r, s = make("Input::READER_SQLITE", src, [Field("ts", T.STRING), Field("n", T.COUNT)],
                config={"query": "select ts, n from conn"})
    r.open()
    assert [e[1] for e in s.log if e[0] == "send_entry"] == [[b"1300475167.09653", 12],
                                                              [b"2.5", 0]]


@pytest.mark.parametrize("mode,config,fields,msg", [
    ("REREAD", {"query": "select 1"}, SQL_FIELDS, "SQLite only supports manual reading mode."),
    ("MANUAL", {}, SQL_FIELDS, "No query specified when setting up SQLite data source SRC. Aborting."),
    ("MANUAL", {"query": "select * from nosuch"}, SQL_FIELDS, "SQLite call failed: no such table: nosuch"),
])
def test_sqlite_init_errors(tmp_path, mode, config, fields, msg):
    src = sqlite_db(tmp_path)
    r, s = make("Input::READER_SQLITE", src, fields, mode=mode, config=config)
    assert r.open() is False
    assert s.log == [("error", msg.replace("SRC", src))]


def test_sqlite_missing_or_doubled_columns(tmp_path):
    src = sqlite_db(tmp_path)
    r, s = make("Input::READER_SQLITE", src, [Field("zz", T.STRING)],
                config={"query": "select * from conn"})
    r.open()
    assert s.log == [("error", "Required field zz not found after SQLite statement")]
    r, s = make("Input::READER_SQLITE", src, [Field("uid", T.STRING)],
                config={"query": "select uid, host as uid from conn"})
    r.open()
    assert s.log == [("error", "SQLite statement returns several columns with name uid! "
                      "Cannot decide which to choose, aborting")]
    r, s = make("Input::READER_SQLITE", str(tmp_path / "none"), [Field("uid", T.STRING)],
                config={"query": "select 1"})
    assert r.open() is False
    assert s.log == [("error", "SQLite call failed: unable to open database file")]


def test_sqlite_set_and_vector_text_with_the_reader_options(tmp_path):
    # sets and vectors are text parsed with InputSQLite::set_separator,
    # empty_field and unset_field (an unset element is a vector hole)
    db = sqlite3.connect(tmp_path / "v.sqlite")
    db.execute("create table v (nums text)")
    for text in ("1|-|3", "EMPTY", "4,5"):
        db.execute("insert into v values (?)", (text,))
    db.commit()
    db.close()
    opts = {"InputSQLite::set_separator": b"|", "InputSQLite::empty_field": b"EMPTY",
            "InputSQLite::unset_field": b"-"}
    r, s = make("Input::READER_SQLITE", str(tmp_path / "v"), [Field("nums", T.VectorType(T.COUNT))],
                config={"query": "select nums from v"}, options=opts)
    r.open()
    assert s.log == [
        ("send_entry", [[1, UNSET, 3]]), ("send_entry", [[]]),
        ("warning", "Number '4,5' contained non-numeric trailing characters. "
                    "Ignored trailing characters ',5'"),
        ("send_entry", [[4]]), ("end_current_send",)]


def test_config_bad_address_is_an_error_but_the_read_goes_on(tmp_path):
    # §2.9.1 addr: a bad address is an error (the stream ends after this
    # read) and the value becomes 0.0.0.0; the update itself succeeds
    f = tmp_path / "cfg"
    f.write_bytes(b"testaddr 1.2.3.400\ntestcount 3\n")
    types = dict(CONFIG_TYPES, testaddr=T.ADDR)
    r, s = make("Input::READER_CONFIG", str(f), [string_field("a"), string_field("b")],
                options=CONFIG_OPTIONS, option_types=types)
    assert r.open() is True
    assert s.log == [("error", "Bad address: 1.2.3.400"),
                     ("send_entry", [b"testaddr", b"1.2.3.400"]),
                     new_value(str(f), "testaddr", T.ADDR, V4_MAPPED),
                     ("send_entry", [b"testcount", b"3"]),
                     new_value(str(f), "testcount", T.COUNT, 3), ("end_current_send",)]
