"""The `file` type and the directory builtins (bifs/core-3.md §1.2, §6), each
script run in its own tmp dir; expected bytes come from the spec."""
import os
import re

from bifs_net_run import run_bro

def test_buffering_append_and_truncate(tmp_path):
    # the scenario of the bifs.create_file baseline (§1.2 "Writing", §6)
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local a = open("testfile");
	print active_file(a), get_file_name(a);
	write_file(a, "This is a test\\n");
	print file_size("testfile");
	print flush_all();
	print file_size("testfile");
	close(a);
	print active_file(a);
	local b = open_for_append("testfile");
	set_buf(b, F);
	print b, "another test";
	print file_size("testfile");
	print file_size("nonexistent");
	local c = open("testfile2");
	write_file(c, "old text");
	close(c);
	c = open("testfile2");
	print c, "new text";
	print write_file(c, ""), active_file(c);
	close(c);
	}
""")
    assert (out, err, rc) == ("T, testfile\n0.0\nT\n15.0\nF\n28.0\n-1.0\nF, T\n", "", 0)
    assert (tmp_path / "testfile").read_bytes() == b"This is a test\nanother test\n"
    assert (tmp_path / "testfile2").read_bytes() == b"new text\n"


def test_print_modes(tmp_path):
    # normal mode escapes and separates like print; raw mode writes the bytes
    # with no separator and no newline; `print f;` alone writes a newline
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local n = open("normal");
	print n, "a\\x00b", 5, 1.5;
	print n;
	print "x", n;
	close(n);
	local r = open("raw");
	enable_raw_output(r);
	print r, "hello\\x00world", "hi";
	print r;
	print r, 3;
	close(r);
	}
""")
    assert (out, err, rc) == ('x, file "normal" of string\n', "", 0)
    assert (tmp_path / "normal").read_bytes() == b"a\\x00b, 5, 1.5\n\n"
    assert (tmp_path / "raw").read_bytes() == b"hello\x00worldhi3"


def test_failed_open_and_closed_handles(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local f = open("nodir/x");
	print active_file(f), write_file(f, "abc"), get_file_name(f);
	print f, "nothing";
	print close(f), close(f);
	local d = open(".");
	print active_file(d);
	local g = open("g");
	print g, "one";
	print close(g), close(g), active_file(g), write_file(g, "x"), get_file_name(g);
	print g, "not written";
	set_buf(g, F);
	}
""")
    assert out == "F, F, nodir/x\nT, T\nF\nT, T, F, F, g\n"
    assert err == ("error: cannot open nodir/x: No such file or directory\n"
                   "error: cannot open .: Is a directory\n")
    assert rc == 0
    assert not (tmp_path / "nodir").exists()
    assert (tmp_path / "g").read_bytes() == b"one\n"


def test_standard_streams(tmp_path):
    # open("-") shares stdout and cannot be closed; open_for_append("-") is
    # a file named "-" (§1.2 "Opening")
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local o = open("-");
	print o, "to stdout";
	print close(o), active_file(o), get_file_name(o);
	print "x", o;
	local e = open("/dev/stderr");
	print e, "to stderr";
	print close(e);
	local a = open_for_append("-");
	print a, "to a file";
	close(a);
	}
""")
    assert out == 'to stdout\nF, T, -\nx, file "-" of string\nF\n'
    assert err == "to stderr\n"
    assert rc == 0
    assert (tmp_path / "-").read_bytes() == b"to a file\n"


def test_lifetime_closes_and_exit_flushes(tmp_path):
    # a file only in a local is closed when its function ends; one made in an
    # expression is closed at once; a global's is flushed at exit (§1.2)
    out, err, rc = run_bro(tmp_path, """
global g = open("global-file");
function w()
	{
	local f = open("local-file");
	print f, "abc";
	}
event bro_init()
	{
	w();
	print file_size("local-file");
	write_file(open("expr-file"), "xyz");
	print file_size("expr-file");
	print g, "kept open";
	print file_size("global-file");
	}
""")
    assert (out, err, rc) == ("4.0\n3.0\n0.0\n", "", 0)
    assert (tmp_path / "global-file").read_bytes() == b"kept open\n"


def test_file_opened_runs_inside_open(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event file_opened(f: file)
	{
	print "opened", get_file_name(f);
	}
event bro_init()
	{
	print "before";
	local f = open("fo");
	print "after";
	local s = open("-");
	}
""")
    assert (out, err, rc) == ("before\nopened, fo\nafter\n", "", 0)


def test_name_with_nul(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local f = open("a\\x00b");
	print get_file_name(f);
	close(f);
	print file_size("x\\x00y");
	}
""")
    assert out == "<string-with-NUL>\n0.0\n"
    assert err == ('error: string with embedded NUL: "a\\x00b"\n'
                   'error: string with embedded NUL: "x\\x00y"\n')
    assert (tmp_path / "<string-with-NUL>").exists()


def test_directory_operations(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	print mkdir("d"), mkdir("d");
	print mkdir("/thisdoesnotexist/dir");
	close(open("d/f"));
	print rmdir("d");
	print rename("d/f", "d/g"), file_size("d/g");
	print unlink("d");
	print unlink("d/g"), unlink("d/g");
	print rename("nope", "x");
	print rmdir("d"), rmdir("d");
	close(open("plain"));
	print mkdir("plain"), rmdir("plain");
	}
""")
    b = "error in ./t.bro, line "
    assert out == "T, T\nF\nF\nT, 0.0\nF\nT, F\nF\nT, F\nF, F\n"
    assert err == (
        b + "5: cannot create directory '/thisdoesnotexist/dir': No such file or directory "
        "(mkdir(/thisdoesnotexist/dir))\n"
        + b + "7: cannot remove directory 'd': Directory not empty (rmdir(d))\n"
        + b + "9: cannot unlink file 'd': Is a directory (unlink(d))\n"
        + b + "10: cannot unlink file 'd/g': No such file or directory (unlink(d/g))\n"
        + b + "11: cannot rename file 'nope' to 'x': No such file or directory (rename(nope, x))\n"
        + b + "12: cannot remove directory 'd': No such file or directory (rmdir(d))\n"
        + b + "14: cannot create directory 'plain': File exists (mkdir(plain))\n"
        + b + "14: cannot remove directory 'plain': Not a directory (rmdir(plain))\n")
    assert rc == 0
    assert sorted(os.listdir(tmp_path)) == ["plain", "t.bro"]


def test_rotate_file(tmp_path):
    out, err, rc = run_bro(tmp_path, """
global f = open("rot");
event bro_init()
	{
	print f, "This is a test";
	local info = rotate_file(f);
	print info$old_name, info$close == network_time(), info$open <= info$close;
	print info$new_name;
	print file_size(info$new_name), file_size("rot");
	print f, "second";
	print rotate_file(open("-"));
	local c = open("closed");
	close(c);
	print rotate_file(c);
	}
""")
    lines = out.split("\n")
    assert lines[0] == "rot, T, T"
    assert re.fullmatch(r"rot\.\d+\.\d+\.\d{6}\.tmp", lines[1])
    assert lines[2:] == ["15.0, 0.0", "[old_name=, new_name=, open=0.0, close=0.0]",
                         "[old_name=, new_name=, open=0.0, close=0.0]", ""]
    assert (err, rc) == ("", 0)
    assert (tmp_path / lines[1]).read_bytes() == b"This is a test\n"
    assert (tmp_path / "rot").read_bytes() == b"second\n"
    assert not list(tmp_path.glob("*.tmp.tmp"))


def test_rotate_file_by_name(tmp_path):
    (tmp_path / "rbn").write_bytes(b"This is a test\n")
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local info = rotate_file_by_name("rbn");
	print info$old_name, info$open == network_time(), info$close == network_time();
	print info$new_name;
	print file_size(info$new_name), file_size("rbn");
	print rotate_file_by_name("nofile");
	}
""")
    lines = out.split("\n")
    assert lines[0] == "rbn, T, T"
    assert re.fullmatch(r"rbn\.\d+\.\d+\.\d{6}\.tmp", lines[1])
    assert lines[2:] == ["15.0, 0.0", "[old_name=, new_name=, open=0.0, close=0.0]", ""]
    assert re.fullmatch(r"error: rotate_file: can't move nofile to nofile\.\d+\.\d+\.\d{6}\.tmp: "
                        r"No such file or directory\n", err)
    assert rc == 0
    assert not list(tmp_path.glob("nofile*"))


CALC = """
%s
event bro_init()
	{
	print fmt("%%.6f", network_time());
	print fmt("%%.6f", interval_to_double(calc_next_rotate(1 hr)));
	print fmt("%%.6f", interval_to_double(calc_next_rotate(7 hr)));
	print fmt("%%.6f", interval_to_double(calc_next_rotate(0 secs)));
	}
"""


def _calc(tmp_path, redef=""):
    out, err, rc = run_bro(tmp_path, CALC % redef)
    t, h1, h7, z = (float(x) for x in out.split())
    return t, h1, h7, z, err


def _close(a, b):
    return abs(a - b) < 1e-5


def test_calc_next_rotate_with_base_time(tmp_path):
    # TZ=UTC: boundaries at midnight + k*i (§6 calc_next_rotate)
    t, h1, h7, z, err = _calc(tmp_path)
    s = int(t) - int(t) % 86400
    for i, r in ((3600, h1), (7 * 3600, h7), (86400, z)):
        assert 0 <= r < i
        assert _close((t + r - s) % i, 0) or _close((t + r - s) % i, i)
    assert err == "error: calc_next_rotate(): interval is zero, falling back to 24hrs\n"


def test_calc_next_rotate_without_base_time(tmp_path):
    t, h1, h7, z, err = _calc(tmp_path, 'redef log_rotate_base_time = "";')
    for i, r in ((3600, h1), (7 * 3600, h7)):
        assert 0 < r <= i
        assert _close(r, (t // i) * i + i - t)


def test_calc_next_rotate_unparsable_base_time(tmp_path):
    t, h1, h7, z, err = _calc(tmp_path, 'redef log_rotate_base_time = "xx";')
    assert _close(h1, (t // 3600) * 3600 + 3600 - t)
    assert err == ("error: calc_next_rotate(): can't parse rotation base time\n" * 2
                   + "error: calc_next_rotate(): interval is zero, falling back to 24hrs\n"
                   + "error: calc_next_rotate(): can't parse rotation base time\n")


def test_raw_output_attribute(tmp_path):
    # only the global's own initial file is raw; a local's attribute does
    # nothing; a non-file is a parse-time error (§1.2 "&raw_output attribute")
    out, err, rc = run_bro(tmp_path, """
global f = open("raw-global") &raw_output;
global later: file &raw_output;
event bro_init()
	{
	print f, "a", "b";
	later = open("assigned-later");
	print later, "c", "d";
	local l = open("raw-local") &raw_output;
	print l, "e", "f";
	}
""")
    assert (out, err, rc) == ("", "", 0)
    assert (tmp_path / "raw-global").read_bytes() == b"ab"
    assert (tmp_path / "assigned-later").read_bytes() == b"c, d\n"
    assert (tmp_path / "raw-local").read_bytes() == b"e, f\n"
    out, err, rc = run_bro(tmp_path, "global x = 5 &raw_output;\nprint x;\n")
    assert (out, err, rc) == ("", "error in ./t.bro, line 1: &raw_output only applicable "
                              "to files (&raw_output)\n", 1)


def test_print_hook(tmp_path):
    # the handler runs inside each print, with the target (the nameless
    # stdout handle for plain print) and the text without its newline; in
    # raw mode the exact bytes; tables indented as in memory; not for files
    # with the hook disabled or not open (§1.2 "print_hook")
    out, err, rc = run_bro(tmp_path, """
global hooklog = open("hooklog");
event print_hook(f: file, s: string)
	{
	write_file(hooklog, fmt("%s|%s|%s\\n", get_file_name(f), f, s));
	}
event bro_init()
	{
	disable_print_hook(hooklog);
	print "plain", 1;
	local t: set[string] = set("a\\x01");
	print t;
	local m = open("myfile");
	print m, "to myfile";
	enable_raw_output(m);
	print m, "raw\\x00", "x";
	disable_print_hook(m);
	print m, "nohook";
	close(m);
	print m, "closed";
	}
""")
    assert (out, err, rc) == ("plain, 1\n{\na\\x01\n}\n", "", 0)
    assert (tmp_path / "hooklog").read_bytes() == (
        b"/dev/stdout|file of string|plain, 1\n"
        b"/dev/stdout|file of string|{\n\ta\\x01\n}\n"
        b'myfile|file "myfile" of string|to myfile\n'
        b'myfile|file "myfile" of string|raw\x00x\n')
    assert (tmp_path / "myfile").read_bytes() == b"to myfile\nraw\x00xnohook"


def test_suppress_local_output(tmp_path):
    out, err, rc = run_bro(tmp_path, """
redef suppress_local_output = T;
global hooklog = open("hooklog");
event print_hook(f: file, s: string)
	{
	write_file(hooklog, s + "\\n");
	}
event bro_init()
	{
	disable_print_hook(hooklog);
	print "only the hook";
	local m = open("m");
	print m, "not written";
	}
""")
    assert (out, err, rc) == ("", "", 0)
    assert (tmp_path / "hooklog").read_bytes() == b"only the hook\nnot written\n"
    assert (tmp_path / "m").read_bytes() == b""


def test_size_of_a_file_flushes(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	local f = open("sz");
	print f, "12345";
	print file_size("sz"), |f|, file_size("sz");
	close(f);
	print |f|;
	print "next";
	}
""")
    assert out == "0.0, 6.0, 6.0\n"
    assert err == "expression error in ./t.bro, line 8: file is not open [|f|]\n"
