"""Log rotation and postprocessors (bifs/logging-input.md §1.6, §1.9.9,
§1.10): scripts run in a tmp dir, the rotated files are compared by name and
content.  A plain run's clock is the wall clock (its file names carry the
start time, which the script prints); a simulated cluster's clock is
virtual and starts at 2019-01-01 00:00:00 UTC, so there every name and
#open/#close stamp is exact.  Expected texts come from the spec."""
import os
import re
import time
from pathlib import Path

from conftest import run_script

STAMP = re.compile(rb"^(#(?:open|close)\t)\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)

HEADER = (b"#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n"
          b"#path\ttest\n#open\t%s\n#fields\ta\n#types\tcount\n")

STREAM = """
module Test;
export {
	redef enum Log::ID += { LOG };
	type Info: record { a: count &log; };
}
"""

# a postprocessor that shows what it is given and leaves the file alone
SHOW = """
function show(info: Log::RotationInfo): bool
	{
	print "rotated", info$writer, info$fname, info$path,
	      strftime("%y-%m-%d_%H.%M.%S", info$open), strftime("%y-%m-%d_%H.%M.%S", info$close),
	      info$terminating;
	return T;
	}
"""


def run(tmp_path, script, *args, env_extra=None):
    # rotation times and #open/#close stamps in UTC
    return run_script(tmp_path, script, *args, env_extra={"TZ": "UTC", **(env_extra or {})})


def wait_for(path: Path) -> bytes:
    """The file a postprocessor's backgrounded command (system(), bifs/core-1.md)
    makes: it may appear just after broscript has exited."""
    for _ in range(200):
        if path.exists():
            time.sleep(0.05)
            return path.read_bytes()
        time.sleep(0.05)
    raise AssertionError(f"{path.name} never appeared")


def masked(data: bytes) -> bytes:
    return STAMP.sub(rb"\1XXXX", data)


def names(d: Path) -> list:
    return sorted(p.name for p in d.iterdir() if not p.name.startswith("."))


def start_stamp(out: bytes, fmt: str) -> str:
    """The run's start time, which the script prints first as a time."""
    t = float(out.split(b"\n")[0].split(b" ")[1])
    return time.strftime(fmt, time.gmtime(int(t)))


def test_rotated_at_shutdown_by_the_ascii_postprocessor(tmp_path):
    # §1.6: a plain run with an interval has a pending rotation timer; at
    # shutdown it rotates (terminating=T), and the ASCII writer's default
    # postprocessor moves test-<open>.log to test.<open as
    # default_rotation_date_format>.log; no test.log stays
    script = STREAM + """
redef Log::default_rotation_interval = 1hr;
event bro_init()
	{
	print fmt("start %.6f", network_time());
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$a=1]);
	Log::write(Test::LOG, [$a=2]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    name = "test.%s.log" % start_stamp(p.stdout, "%Y-%m-%d-%H-%M-%S")
    data = wait_for(tmp_path / name)
    assert masked(data) == HEADER % b"XXXX" + b"1\n2\n#close\tXXXX\n"
    assert names(tmp_path) == sorted(["t.bro", name])


def test_rotation_info_and_a_write_after_rotation(tmp_path):
    # §1.6: the filter's own postprocessor gets [writer, fname=<path>-<open
    # %y-%m-%d_%H.%M.%S>.log, path, open, close, terminating]; the timers
    # fire before bro_done (language.md §5.3 Path B), so bro_done's write
    # opens test.log anew with a new header, which is not rotated again
    script = STREAM + SHOW + """
redef Log::default_rotation_interval = 1hr;
event bro_init()
	{
	print fmt("start %.6f", network_time());
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default", $postprocessor=show]);
	Log::write(Test::LOG, [$a=1]);
	}
event bro_done()
	{
	print "done";
	Log::write(Test::LOG, [$a=2]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    s = start_stamp(p.stdout, "%y-%m-%d_%H.%M.%S")
    lines = p.stdout.decode().split("\n")[1:]
    assert lines == [f"rotated, Log::WRITER_ASCII, test-{s}.log, test, {s}, {s}, T", "done", ""]
    assert masked((tmp_path / f"test-{s}.log").read_bytes()) == (
        HEADER % b"XXXX" + b"1\n#close\tXXXX\n")
    assert masked((tmp_path / "test.log").read_bytes()) == HEADER % b"XXXX" + b"2\n#close\tXXXX\n"


def test_a_rotation_timer_makes_the_run_end_by_path_b(tmp_path):
    # language.md §5.3: the rotation timer is a pending timer, so net_done
    # runs; with the interval 0 (the default) there is none and no rotation
    script = STREAM + SHOW + """
event net_done(t: time) { print "net_done"; }
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default", $path="test", $postprocessor=show]);
	Log::add_filter(Test::LOG, [$name="other", $path="other", $interv=INTERV, $postprocessor=show]);
	Log::write(Test::LOG, [$a=1]);
	}
"""
    p = run(tmp_path, script.replace("INTERV", "0secs"), "-b")
    assert p.returncode == 0 and p.stderr == b"" and p.stdout == b""
    assert names(tmp_path) == ["other.log", "t.bro", "test.log"]
    p = run(tmp_path, script.replace("INTERV", "10min"), "-b")
    assert p.returncode == 0 and p.stderr == b""
    out = p.stdout.decode().split("\n")
    assert out[0] == "net_done" and out[1].startswith("rotated, Log::WRITER_ASCII, other-")
    assert len(out) == 3 and out[2] == ""
    assert "test.log" in names(tmp_path) and "other.log" not in names(tmp_path)


def test_postprocessor_cmd_gets_bros_arguments(tmp_path):
    # §1.6 and Log::run_rotation_postprocessor_cmd: CMD NPATH PATH OPEN
    # CLOSE TERMINATING(as %d) WRITER(lower case, without log::writer_)
    script = STREAM + """
redef Log::default_rotation_interval = 1hr;
redef Log::default_rotation_postprocessor_cmd = "echo >args.txt";
event bro_init()
	{
	print fmt("start %.6f", network_time());
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$a=1]);
	}
"""
    p = run(tmp_path, script, "-b", env_extra={"BRO_LOG_SUFFIX": "txt"})
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    long = start_stamp(p.stdout, "%Y-%m-%d-%H-%M-%S")
    short = start_stamp(p.stdout, "%y-%m-%d_%H.%M.%S")
    args = wait_for(tmp_path / "args.txt").decode()
    assert args == f"test.{long}.txt test {short} {short} 1 ascii\n"
    assert (tmp_path / f"test.{long}.txt").exists()


def test_special_paths_and_the_none_writer(tmp_path):
    # §1.9.2: a /dev/ path is never rotated (no postprocessor); §1.10: the
    # None writer calls its postprocessor with fname /dev/null
    script = STREAM + SHOW + """
redef Log::default_rotation_interval = 1hr;
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default", $path="/dev/stdout", $postprocessor=show]);
	Log::add_filter(Test::LOG, [$name="n", $path="nothing", $writer=Log::WRITER_NONE, $postprocessor=show]);
	Log::write(Test::LOG, [$a=7]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"", p.stderr
    out = masked(p.stdout).decode().split("\n")
    assert out[8] == "7"
    assert re.fullmatch(r"rotated, Log::WRITER_NONE, /dev/null, nothing, (\S+), \1, T", out[9])
    assert out[10:] == ["#close\tXXXX", ""]
    assert names(tmp_path) == ["t.bro"]


def test_removed_stream_does_not_rotate(tmp_path):
    # Bro's stream removal cancels its writers' rotation timers: no
    # rotation, and with no timer left the run ends by Path A
    script = STREAM + SHOW + """
redef Log::default_rotation_interval = 1hr;
event net_done(t: time) { print "net_done"; }
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default", $postprocessor=show]);
	Log::write(Test::LOG, [$a=1]);
	Log::remove_stream(Test::LOG);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0 and p.stderr == b"" and p.stdout == b""
    assert masked((tmp_path / "test.log").read_bytes()) == HEADER % b"XXXX" + b"1\n#close\tXXXX\n"


def test_unparsable_base_time(tmp_path):
    # §1.6: reporter error without location, then rotation as without a base
    script = STREAM + SHOW + """
redef Log::default_rotation_interval = 1hr;
redef log_rotate_base_time = "xx";
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default", $postprocessor=show]);
	Log::write(Test::LOG, [$a=1]);
	}
"""
    p = run(tmp_path, script, "-b")
    assert p.returncode == 0
    assert p.stderr == b"error: calc_next_rotate(): can't parse rotation base time\n"
    assert p.stdout.startswith(b"rotated, Log::WRITER_ASCII, test-")


LAYOUT = ('redef Cluster::nodes = {\n'
          '\t["manager"] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=37757/tcp],\n'
          '};\n')

TICKS = STREAM + SHOW + """
redef Log::default_rotation_interval = 1hr;
EXTRA
global n = 0;
event tick()
	{
	++n;
	if ( n != 3 )
		Log::write(Test::LOG, [$a=n]);
	if ( n < 6 )
		schedule 25min { tick() };
	}
event bro_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="default"FILTER]);
	event tick();
	}
"""


def ticks(extra, filter_fields):
    return TICKS.replace("EXTRA", extra).replace("FILTER", filter_fields)


def test_rotation_on_the_simulated_clock(tmp_path):
    # §1.6 on the virtual clock: ticks at 00:00, 00:25, (00:50 writes
    # nothing), 01:15, 01:40, 02:05; with the base time 0:00 rotations fall
    # on the hours: 01:00 (open 00:00), 02:00 (open 01:00, the time the
    # timer fired, not the first write); the last file is rotated at
    # shutdown (02:05, terminating=T)
    (tmp_path / "cluster-layout.bro").write_text(LAYOUT)
    p = run(tmp_path, ticks("", ", $postprocessor=show"), "--simulate", "all",
            "--node-output", "out")
    assert p.returncode == 0, p.stderr
    d = tmp_path / "out" / "manager"
    assert (d / ".stdout").read_text().split("\n") == [
        "rotated, Log::WRITER_ASCII, test-19-01-01_00.00.00.log, test, 19-01-01_00.00.00, 19-01-01_01.00.00, F",
        "rotated, Log::WRITER_ASCII, test-19-01-01_01.00.00.log, test, 19-01-01_01.00.00, 19-01-01_02.00.00, F",
        "rotated, Log::WRITER_ASCII, test-19-01-01_02.00.00.log, test, 19-01-01_02.00.00, 19-01-01_02.05.00, T",
        ""]
    assert (d / "test-19-01-01_00.00.00.log").read_bytes() == (
        HEADER % b"2019-01-01-00-00-00" + b"1\n2\n#close\t2019-01-01-01-00-00\n")
    assert (d / "test-19-01-01_01.00.00.log").read_bytes() == (
        HEADER % b"2019-01-01-01-15-00" + b"4\n5\n#close\t2019-01-01-02-00-00\n")
    assert (d / "test-19-01-01_02.00.00.log").read_bytes() == (
        HEADER % b"2019-01-01-02-05-00" + b"6\n#close\t2019-01-01-02-05-00\n")
    assert not (d / "test.log").exists()


def test_no_write_since_rotation_means_no_rotation(tmp_path):
    # §1.6: an interval with no row written has no file open: no
    # postprocessor runs; per-filter interv wins over the default; no base
    # time: boundaries are multiples of the interval since the epoch
    (tmp_path / "cluster-layout.bro").write_text(LAYOUT)
    script = ticks('redef log_rotate_base_time = "";', ", $interv=20min, $postprocessor=show")
    p = run(tmp_path, script, "--simulate", "all", "--node-output", "out")
    assert p.returncode == 0, p.stderr
    d = tmp_path / "out" / "manager"
    # writes at 00:00 00:25 01:15 01:40 02:05; boundaries every 20 minutes:
    # 01:00 and 01:40 find no file open (the timer's rotation comes before
    # the 01:40 tick's event is dispatched)
    assert [line.split(", ")[2] for line in (d / ".stdout").read_text().split("\n") if line] == [
        "test-19-01-01_00.00.00.log", "test-19-01-01_00.20.00.log",
        "test-19-01-01_01.00.00.log", "test-19-01-01_01.40.00.log",
        "test-19-01-01_02.00.00.log"]


def test_default_postprocessor_in_a_node_directory(tmp_path):
    # the ASCII postprocessor's /bin/mv runs in the node's own directory
    (tmp_path / "cluster-layout.bro").write_text(LAYOUT)
    p = run(tmp_path, ticks("", ""), "--simulate", "all", "--node-output", "out")
    assert p.returncode == 0, p.stderr
    d = tmp_path / "out" / "manager"
    data = wait_for(d / "test.2019-01-01-02-00-00.log")
    assert data == HEADER % b"2019-01-01-02-05-00" + b"6\n#close\t2019-01-01-02-05-00\n"
    wait_for(d / "test.2019-01-01-00-00-00.log")
    wait_for(d / "test.2019-01-01-01-00-00.log")
    assert not (d / "test.log").exists()
    assert not any(n.startswith("test") for n in os.listdir(tmp_path))
