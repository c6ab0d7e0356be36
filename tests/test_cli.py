"""The command line as Bro 2.6's getopt_long reads it (language.md §7.1,
issue 15): options anywhere among the files, `--`, clustered and abbreviated
options, -v, -G, -C, Bro's other options refused in one line, combinations
that would do nothing refused.  Run in-process (fuzz.run_captured)."""
import re
from pathlib import Path

import pytest

from broscript.cli_options import OPTIONS
from broscript.fuzz import run_captured

LAYOUT = Path(__file__).parent / "cluster" / "sim" / "cluster-layout.bro"


@pytest.fixture
def scripts(tmp_path):
    (tmp_path / "x.bro").write_text('print "x";\n')
    (tmp_path / "y.bro").write_text('print "y";\n')
    (tmp_path / "g.bro").write_text('const greeting = "hi" &redef;\n'
                                    'event bro_init() { print greeting; }\n')
    return tmp_path


def cli(argv, cwd):
    rc, out, err = run_captured(argv, str(cwd))
    return rc, out.decode("latin-1"), err


@pytest.mark.parametrize("argv", [
    ["-b", "x.bro", "y.bro"],
    ["x.bro", "-b", "y.bro"],
    ["x.bro", "y.bro", "-b"],
    ["--bare-mode", "x.bro", "y.bro"],
    ["x.bro", "--bare", "y.bro"],           # a unique prefix of --bare-mode
    ["x.bro", "--max-steps", "1000", "-b", "y.bro"],
    ["x.bro", "--max-steps=1000", "y.bro", "-C", "-b"],
])
def test_options_anywhere_among_files(scripts, argv):
    assert cli(argv, scripts) == (0, "x\ny\n", "")


@pytest.mark.parametrize("argv", [
    ["g.bro", "--max-steps", "1000", "greeting=yo", "-b"],
    ["greeting=yo", "-b", "g.bro"],
    ["-b", "g.bro", "greeting=yo"],
])
def test_params_anywhere(scripts, argv):
    # §7.3: a string global's value gets its quotes
    assert cli(argv, scripts) == (0, "yo\n", "")


def test_double_dash_ends_the_options(scripts):
    (scripts / "-e.bro").write_text('print "dash";\n')
    assert cli(["-b", "--", "-e.bro"], scripts) == (0, "dash\n", "")
    # after --, -b is a file like any other
    rc, out, err = cli(["x.bro", "--", "-b"], scripts)
    assert (rc, err) == (1, "fatal error: can't find -b\n")


@pytest.mark.parametrize("argv", [
    ["-be", 'print "e";'],
    ['-beprint "e";'],
    ["--exec", 'print "e";', "-b"],
    ['--exec=print "e";', "-b"],
    ["-b", "--ex", 'print "e";'],
])
def test_clustered_short_options_and_attached_arguments(scripts, argv):
    assert cli(argv, scripts) == (0, "e\n", "")


def test_exec_comes_after_the_files(scripts):
    assert cli(["-e", 'print "e";', "x.bro", "-b"], scripts) == (0, "x\ne\n", "")


def test_an_argument_may_start_with_a_dash(scripts):
    # getopt_long takes the next word as the argument, whatever it is
    assert cli(["-b", "--max-steps", "-1", "x.bro"], scripts) == (
        1, "", "broscript: --max-steps needs a whole number of 0 or more, not '-1'\n")


def test_version(scripts):
    for flag in ("-v", "--version", "--vers"):
        rc, out, err = cli([flag, "x.bro"], scripts)
        assert (rc, err) == (0, "")
        assert re.fullmatch(r"broscript version \S+ \(the Bro 2\.6 script language\)\n", out)


def test_help_lists_every_option(scripts):
    rc, out, err = cli(["--help"], scripts)
    assert (rc, err) == (0, "")
    for o in OPTIONS:
        if o.short:
            assert re.search(rf"^  -{re.escape(o.short)}(?=[ |])", out, re.M), o
        if o.long:
            assert f"--{o.long}" in out
    for group in ("Bro 2.6 options broscript implements", "broscript's options",
                  "cluster simulation", "reference pages", "Bro 2.6 options broscript refuses"):
        assert f"\n{group}" in out
    assert cli(["-h"], scripts) == (0, out, "")
    assert cli(["-?"], scripts) == (0, out, "")


REFUSED = [o for o in OPTIONS if o.dest is None]


@pytest.mark.parametrize("opt", REFUSED, ids=[o.short or o.long for o in REFUSED])
def test_each_refused_option_says_why_in_one_line(scripts, opt):
    spellings = []
    if opt.short:
        spellings.append(["-" + opt.short] + (["ARG"] if opt.arg else []))
    if opt.long:
        spellings.append(["--" + opt.long] + (["ARG"] if opt.arg and opt.arg[0] != "[" else []))
    for spelled in spellings:
        rc, out, err = cli(["x.bro", *spelled, "-b"], scripts)
        assert (rc, out) == (1, "")
        assert err == f"broscript: {opt.refusal}\n"
        assert err.count("\n") == 1 and ": " in opt.refusal


@pytest.mark.parametrize("argv,message", [
    (["-r", "trace.pcap"], "broscript reads no packets: -r needs a packet source"),
    (["--readfile=trace.pcap"], "broscript reads no packets: -r needs a packet source"),
    (["-i", "eth0"], "broscript reads no packets: -i needs a network interface"),
    (["-w", "out.pcap"], "broscript reads no packets: -w writes packets it has read"),
    (["-f", "tcp port 80"], "broscript reads no packets: -f needs a packet source"),
    (["-s", "sigs.sig"], "broscript has no signature engine: -s needs one to load rules"),
    (["-p", "local"], "broscript does not support @prefixes: -p adds a script prefix"),
    (["-I", "Cluster::node"], "broscript does not print identifiers: use -e 'print ID;' instead of -I"),
    (["--pseudo-realtime=2"], "broscript reads no packets: --pseudo-realtime paces a packet trace"),
    (["-N"], "broscript has no plugins: -N lists Bro's"),
    (["-r"], "broscript reads no packets: -r needs a packet source"),
    (["--readfile"], "broscript reads no packets: -r needs a packet source"),
])
def test_refusals_that_matter_most(scripts, argv, message):
    assert cli(["-b", "x.bro", *argv], scripts) == (1, "", f"broscript: {message}\n")


@pytest.mark.parametrize("argv,message", [
    (["-q"], "unknown option -q (broscript --help lists the options)"),
    (["-bq"], "unknown option -q (broscript --help lists the options)"),
    (["--frobnicate"], "unknown option --frobnicate (broscript --help lists the options)"),
    (["--ma", "3"], "option --ma is ambiguous (--max-steps, --max-events)"),
    (["-e"], "option -e needs an argument (CODE)"),
    (["--max-steps"], "option --max-steps needs an argument (N)"),
    (["--bare-mode=yes"], "option --bare-mode takes no argument"),
    (["--timeout", "soon"], "--timeout needs a number of seconds, not 'soon'"),
    (["--timeout", "nan"], "--timeout needs a finite number of seconds, not 'nan'"),
    (["--sim-time", "1e400", "--simulate", "all"], "--sim-time needs a finite number of seconds, not '1e400'"),
    (["--timeout", "-2"], "--timeout needs a number of seconds of 0 or more, not '-2'"),
    (["Foo::Bar"], "broscript has no plugins: Foo::Bar names a Bro plugin to activate"),
    (["-", "-"], "- (standard input) is named more than once"),
])
def test_bad_command_lines(scripts, argv, message):
    assert cli(["x.bro", *argv], scripts) == (1, "", f"broscript: {message}\n")


@pytest.mark.parametrize("argv,message", [
    (["--layout", "l.bro", "x.bro"], "--layout needs --simulate"),
    (["x.bro", "--node-output", "out"], "--node-output needs --simulate"),
    (["--max-events", "5", "x.bro"], "--max-events needs --simulate"),
    (["--sim-time=5", "x.bro"], "--sim-time needs --simulate"),
    (["--parse-only"], "--parse-only needs a file to check"),
    (["--parse-only", "-e", "print 1;", "x.bro"], "-e does nothing under --parse-only (it runs no script)"),
    (["--parse-only", "x.bro", "-b"], "-b does nothing under --parse-only (it runs no script)"),
    (["--parse-only", "x.bro", "-a"], "-a does nothing under --parse-only (it runs no script)"),
    (["--parse-only", "x.bro", "--max-steps", "9"],
     "--max-steps does nothing under --parse-only (it runs no script)"),
    (["--parse-only", "x.bro", "a=b"], "a=b does nothing under --parse-only (it sets no value)"),
    (["--doc-dir", "d", "x.bro"], "--doc-dir needs --doc"),
    (["--doc", "x", "x.bro"], "--doc takes the scripts to document as its own arguments, "
                              "not x.bro (write --doc x.bro)"),
    (["--doc", "x", "-e", "print 1;"], "-e does nothing under --doc (it runs no script)"),
    (["--doc", "x", "-G", "seeds"], "-G does nothing under --doc (it runs no script)"),
    (["--doc", "x", "--parse-only", "x.bro"], "--doc and --parse-only cannot be combined"),
    (["--simulate", "all", "--doc", "x"], "--simulate and --doc cannot be combined"),
    (["--simulate", "all", "-a"], "-a and --simulate cannot be combined: -a checks the scripts of one run"),
    (["--simulate", ","], "--simulate needs 'all' or node names"),
])
def test_combinations_that_do_nothing_are_refused(scripts, argv, message):
    assert cli(argv, scripts) == (1, "", f"broscript: {message}\n")


def test_no_checksums_is_harmless(scripts):
    assert cli(["-C", "-b", "x.bro"], scripts) == (0, "x\n", "")
    assert cli(["--no-checksums", "-b", "x.bro"], scripts) == (0, "x\n", "")


def test_check_only(scripts):
    assert cli(["-a", "-b", "x.bro"], scripts) == (0, "", "")
    (scripts / "bad.bro").write_text("print nosuch;\n")
    assert cli(["-ab", "bad.bro"], scripts) == (
        1, "", "error in ./bad.bro, line 1: unknown identifier nosuch, at or near \"nosuch\"\n")


@pytest.fixture
def interpreters(monkeypatch):
    """Every Interpreter the run creates."""
    import broscript.interp
    made = []

    class Recorded(broscript.interp.Interpreter):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            made.append(self)
    monkeypatch.setattr(broscript.interp, "Interpreter", Recorded)
    return made


def test_seed_file_reaches_the_interpreter(scripts, interpreters):
    # a seed file must exist and hold 21 numbers (bifs/core-1.md §3)
    for name in ("my.seeds", "other"):
        (scripts / name).write_text("".join(f"{i}\n" for i in range(1, 22)))
    assert cli(["-b", "x.bro", "-G", "my.seeds"], scripts) == (0, "x\n", "")
    assert [i.seed_file for i in interpreters] == ["my.seeds"]
    interpreters.clear()
    assert cli(["-b", "--load-seeds=other", "x.bro"], scripts)[0] == 0
    assert [i.seed_file for i in interpreters] == ["other"]
    interpreters.clear()
    assert cli(["-b", "x.bro"], scripts)[0] == 0
    assert [i.seed_file for i in interpreters] == [None]


def test_seed_file_reaches_every_node(scripts, interpreters):
    rc, out, err = cli(["--simulate", "manager,proxy-1", "--layout", str(LAYOUT), "-G", "s"], scripts)
    assert rc == 0, err
    nodes = [i for i in interpreters if i.environ.get(b"CLUSTER_NODE")]
    assert sorted(i.environ[b"CLUSTER_NODE"] for i in nodes) == [b"manager", b"proxy-1"]
    assert {i.seed_file for i in nodes} == {"s"}


def test_cluster_node_is_the_runs_own_environment(scripts, interpreters):
    import os
    (scripts / "n.bro").write_text('module Cluster;\nexport { const node = "" &redef; }\n'
                                   'event bro_init() { print getenv("CLUSTER_NODE"), Cluster::node; }\n')
    before = os.environ.get("CLUSTER_NODE")
    assert cli(["-b", "n.bro", "Cluster::node=worker-7"], scripts) == (0, "worker-7, worker-7\n", "")
    assert os.environ.get("CLUSTER_NODE") == before
    assert interpreters[0].environ is not os.environb


def test_simulate_refuses_a_node_the_layout_lacks(scripts):
    nodes = "logger, manager, proxy-1, proxy-2, proxy-3, worker-1, worker-2, worker-3, worker-4"
    rc, out, err = cli(["--simulate", "manager,nosuch", "--layout", str(LAYOUT)], scripts)
    assert (rc, out, err) == (
        1, "", f"broscript: --simulate: the layout has no node 'nosuch' (its nodes: {nodes})\n")


def test_simulate_refuses_a_control_entry(scripts):
    cfg = scripts / "node.cfg"
    cfg.write_text("[manager]\ntype=manager\n[proxy-1]\ntype=proxy\n")
    rc, out, err = cli(["--simulate", "control", "--layout", "node.cfg"], scripts)
    assert (rc, out, err) == (
        1, "", "broscript: --simulate: node 'control' is a Cluster::CONTROL, not a Bro process "
               "(the layout's nodes: manager, proxy-1)\n")


def test_the_same_warning_at_most_100_times(scripts):
    # broscript's own guard (README): Bro would print all 250
    (scripts / "w.bro").write_text(
        "function f(): count { }\n"
        "event bro_init() { local i = 0; while ( i < 250 ) { ++i; print f(); } print \"done\"; }\n")
    rc, out, err = cli(["-b", "w.bro"], scripts)
    line = "warning: non-void function returns without a value: f"
    assert (rc, out) == (0, "done\n")
    assert err == (line + "\n") * 100 + f"warning: 150 more of the same warning left out: {line}\n"


def test_the_warning_cap_counts_each_warning_on_its_own(scripts):
    (scripts / "w.bro").write_text(
        "function f(): count { }\nfunction g(): count { }\n"
        "event bro_init() { local i = 0; while ( i < 101 ) { ++i; f(); g(); } }\n")
    rc, out, err = cli(["-b", "w.bro"], scripts)
    lines = err.splitlines()
    assert rc == 0 and len(lines) == 202
    assert lines[-2:] == ["warning: 1 more of the same warning left out: "
                          "warning: non-void function returns without a value: f",
                          "warning: 1 more of the same warning left out: "
                          "warning: non-void function returns without a value: g"]


def test_readme_tables_name_every_option():
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    for o in OPTIONS:
        if o.short and o.short != "?":
            assert f"`-{o.short}" in readme, o
        if o.long:
            assert f"`--{o.long}" in readme or f"--{o.long}`" in readme, o
    for operand in ("`-`", "`NAME=VALUE`", "`FILE`", "`--doc SCRIPT`", "`-G FILE`", "`-v`"):
        assert operand in readme


def test_the_fuzzers_default_corpus_is_package_data():
    # python -m broscript.fuzz from a wheel: the golden tests travel as
    # broscript.corpus (pyproject package-data), the library as broscript.scripts
    from importlib import resources

    from broscript.fuzz import corpus_files, default_corpus
    repo = Path(__file__).parents[1]
    dirs = default_corpus()
    assert [Path(str(resources.files(p))) for p in ("broscript.corpus", "broscript.scripts")] == dirs
    golden = sorted(p.relative_to(repo / "tests" / "golden") for p in (repo / "tests" / "golden").rglob("*.bro"))
    assert sorted(p.relative_to(dirs[0]) for p in corpus_files(dirs[:1])) == golden
    assert len(corpus_files(dirs)) > len(golden)
    pyproject = (repo / "pyproject.toml").read_text()
    assert '"broscript.corpus" = "tests/golden"' in pyproject
    assert '"broscript.corpus" = ["**/*.bro"]' in pyproject


def test_node_output_that_cannot_be_written(scripts):
    (scripts / "afile").write_text("")
    rc, out, err = cli(["-b", "--simulate", "manager", "--layout", str(LAYOUT), "--node-output", "afile",
                        "x.bro"], scripts)
    assert (rc, out, err) == (1, "", "fatal error: can't write --node-output afile/manager: Not a directory\n")
