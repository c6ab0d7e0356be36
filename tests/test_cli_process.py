"""What needs a process of its own: standard input (`-`, or no file at all,
language.md §7.1), the recursion fatal (10,000 calls need the command line's
big stack) and the exit status seen by a shell."""
import os
import subprocess
import sys

import pytest

from conftest import broscript_env


def bro(args, cwd, stdin=b""):
    env = {k: v for k, v in broscript_env().items() if k not in ("ZEEKPATH", "CLUSTER_NODE")}
    env["BROPATH"] = "."
    p = subprocess.run([sys.executable, "-m", "broscript", *args], cwd=cwd, input=stdin,
                       capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode("latin-1"), p.stderr.decode("latin-1")


@pytest.fixture
def scripts(tmp_path):
    (tmp_path / "x.bro").write_text('print "x";\n')
    (tmp_path / "y.bro").write_text('print "y";\n')
    return tmp_path


def test_dash_reads_standard_input_where_it_stands(scripts):
    assert bro(["-b", "x.bro", "-", "y.bro"], scripts, b'print "in";\n') == (0, "x\nin\ny\n", "")
    assert bro(["-", "-b"], scripts, b'print "in";\n') == (0, "in\n", "")


def test_no_file_reads_standard_input(scripts):
    assert bro(["-b"], scripts, b'print "in";\n') == (0, "in\n", "")
    assert bro(["-b", "greeting=x"], scripts, b'const greeting = "a" &redef;\n'
                                               b'event bro_init() { print greeting; }\n') == (0, "x\n", "")
    # with -e there is a script already: standard input is not read
    assert bro(["-b", "-e", 'print "e";'], scripts, b'print "in";\n') == (0, "e\n", "")


def test_standard_input_is_named_stdin_in_messages(scripts):
    assert bro(["-b", "-"], scripts, b"print nosuch;\n") == (
        1, "", 'error in <stdin>, line 1: unknown identifier nosuch, at or near "nosuch"\n')


def test_parse_only_reads_standard_input_for_dash(scripts):
    assert bro(["--parse-only", "x.bro", "-"], scripts, b"print 1;\n") == (0, "", "")
    assert bro(["--parse-only", "-"], scripts, b"print 1\n") == (
        1, "", "error in <stdin>, line 1: syntax error, at end of file\n")


def test_refused_option_exit_status_in_a_shell(scripts):
    assert bro(["-r", "trace.pcap", "x.bro"], scripts) == (
        1, "", "broscript: broscript reads no packets: -r needs a packet source\n")


def test_endless_recursion_is_one_fatal_error(scripts):
    # issue 15: Bro would crash; broscript ends with one line and status 1
    (scripts / "r.bro").write_text("function f(n: count): count\n\t{\n\treturn f(n + 1);\n\t}\n"
                                   "event bro_init() { print f(0); }\nevent bro_done() { print \"done\"; }\n")
    assert bro(["-b", "r.bro"], scripts) == (
        1, "", "fatal error in ./r.bro, line 3: call depth exceeded (f(n + 1))\n")


def test_deep_but_finite_recursion_runs(scripts):
    (scripts / "d.bro").write_text("function f(n: count): count { return n == 0 ? 0 : 1 + f(n - 1); }\n"
                                   "print f(9000);\n")
    assert bro(["-b", "d.bro"], scripts) == (0, "9000\n", "")


def test_recursion_while_loading_is_fatal_too(scripts):
    (scripts / "g.bro").write_text("function f(n: count): count { return f(n + 1); }\n"
                                   "global x = f(0);\n")
    assert bro(["-b", "g.bro"], scripts) == (
        1, "", "fatal error in ./g.bro, line 1: call depth exceeded (f(n + 1))\n")


LAYOUT = os.path.join(os.path.dirname(__file__), "cluster", "sim", "cluster-layout.bro")


def test_simulated_nodes_read_standard_input_only_for_dash(scripts):
    text = b'event bro_init() { print "from stdin"; }\n'
    args = ["--simulate", "manager,proxy-1", "--layout", LAYOUT]
    assert bro([*args, "-"], scripts, text) == (
        0, "manager: from stdin\nproxy-1: from stdin\n",
        "manager: received termination signal\nproxy-1: received termination signal\n")
    rc, out, err = bro(args, scripts, text)
    assert (rc, out) == (0, "")
