"""The reporter beyond stderr (bifs/strings-reporter-misc.md §3): reporter.log
when the reporter framework is loaded, and the weird counters' reset timers
(which are pending timers of the run, language.md §5.3).  Expected texts
come from the spec."""
import re
import subprocess
import sys

from conftest import broscript_env

STAMP = re.compile(rb"^(#(?:open|close)\t)\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)


def run(tmp_path, script, *args):
    (tmp_path / "r.bro").write_text(script)
    env = broscript_env(BROPATH=".")
    env.pop("ZEEKPATH", None)
    return subprocess.run([sys.executable, "-m", "broscript", *args, "r.bro"], cwd=tmp_path,
                          capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL)


MESSAGES = """
event bro_init()
	{
	Reporter::info("init test-info");
	Reporter::warning("init test-warning");
	Reporter::error("init test-error");
	local v: vector of count;
	print v[3];
	}
Reporter::info("pre test-info");
"""


def test_reporter_log_with_the_framework(tmp_path):
    # §3.1: without -b the reporter framework writes what raised an event
    # (not the top-level call, which only prints) to reporter.log, and
    # stderr still shows every line
    p = run(tmp_path, MESSAGES)
    assert p.returncode == 0 and p.stdout == b""
    assert p.stderr == (b"./r.bro, line 10: pre test-info\n"
                        b"./r.bro, line 4: init test-info\n"
                        b"warning in ./r.bro, line 5: init test-warning\n"
                        b"error in ./r.bro, line 6: init test-error\n"
                        b"error in ./r.bro, line 8: no such index (v[3])\n")
    assert STAMP.sub(rb"\1X", (tmp_path / "reporter.log").read_bytes()) == (
        b"#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
        b"#path\treporter\n#open\tX\n#fields\tts\tlevel\tmessage\tlocation\n"
        b"#types\ttime\tenum\tstring\tstring\n"
        b"0.000000\tReporter::INFO\tinit test-info\t./r.bro, line 4\n"
        b"0.000000\tReporter::WARNING\tinit test-warning\t./r.bro, line 5\n"
        b"0.000000\tReporter::ERROR\tinit test-error\t./r.bro, line 6\n"
        b"0.000000\tReporter::ERROR\tno such index (v[3])\t./r.bro, line 8\n"
        b"#close\tX\n")


def test_no_reporter_log_in_bare_mode(tmp_path):
    p = run(tmp_path, MESSAGES, "-b")
    assert p.returncode == 0 and p.stderr.count(b"\n") == 5
    assert not (tmp_path / "reporter.log").exists()


def test_weird_reset_timers_are_pending_timers(tmp_path):
    # §3 Reporter::net_weird/flow_weird: a name's first weird (a pair's
    # first weird for flow_weird) starts a reset timer; so net_done runs
    # (Path B); whitelisted names count nothing and start no timer
    script = """
event net_done(t: time) { print "net_done"; }
event net_weird(name: string) { print "net_weird", name; }
event flow_weird(name: string, src: addr, dst: addr) { print "flow_weird", name, src, dst; }
event bro_init()
	{
	Reporter::set_weird_sampling_threshold(1);
	Reporter::set_weird_sampling_rate(0);
	Reporter::set_weird_sampling_whitelist(set("w"));
	Reporter::net_weird("w");
	Reporter::flow_weird("w", 1.2.3.4, 5.6.7.8);
	Reporter::flow_weird("w", 1.2.3.4, 5.6.7.8);
	%s
	}
event bro_done() { print "done"; }
"""
    p = run(tmp_path, script % "", "-b")
    assert p.stdout == (b"net_weird, w\nflow_weird, w, 1.2.3.4, 5.6.7.8\n"
                        b"flow_weird, w, 1.2.3.4, 5.6.7.8\ndone\n")
    more = """Reporter::net_weird("a");
	Reporter::net_weird("a");
	Reporter::flow_weird("b", 1.2.3.4, 5.6.7.8);
	Reporter::flow_weird("c", 1.2.3.4, 5.6.7.8);
	Reporter::flow_weird("b", 1.2.3.4, 5.6.7.8);"""
    p = run(tmp_path, script % more, "-b")
    assert p.returncode == 0 and p.stderr == b""
    assert p.stdout == (b"net_weird, w\nflow_weird, w, 1.2.3.4, 5.6.7.8\n"
                        b"flow_weird, w, 1.2.3.4, 5.6.7.8\nnet_weird, a\n"
                        b"flow_weird, b, 1.2.3.4, 5.6.7.8\nflow_weird, c, 1.2.3.4, 5.6.7.8\n"
                        b"net_done\ndone\n")


def test_string_with_nul_in_a_log_and_a_reporter_message(tmp_path):
    # bifs/logging-input.md §1.9.6 escape E: a NUL byte in a log field is
    # written \x00; strings-reporter-misc.md §3.1 and §1.3: a reporter
    # message with a NUL is reported first, then printed as <string-with-NUL>
    script = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { s: string &log; };
}
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$s="a\\x00b"]);
	Reporter::warning("x\\x00y");
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stdout == b""
    assert p.stderr == (b'error in ./r.bro, line 11: string with embedded NUL: "x\\x00y"\n'
                        b"warning in ./r.bro, line 11: <string-with-NUL>\n")
    rows = [line for line in (tmp_path / "test.log").read_bytes().split(b"\n")
            if line and not line.startswith(b"#")]
    assert rows == [b"a\\x00b"]
