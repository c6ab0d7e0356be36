"""The start-up memo (memo.py, issue 12): a run whose load checked cleanly
before loads again with its function bodies checked on first call.  That
may change nothing a user sees: the golden corpus gives the same output,
errors and exit status on its first run and on its memo'd second run; a
script changed since gives Bro's start-up errors exactly, and what the
dropped speculative load printed is not seen twice."""
from __future__ import annotations

import os

from pathlib import Path

import pytest

from broscript import cache, memo
from broscript.fuzz import run_captured
from broscript.interp import Interpreter

from conftest import GOLDEN, bro_path, golden_expected

CASES = sorted(c for c in GOLDEN.rglob("*.bro") if "brolib" not in c.parts)


@pytest.fixture
def own_cache(tmp_path):
    """A script cache of the test's own: what earlier tests left in the
    session's cache does not decide which run is the first."""
    d = tmp_path / "cache"
    cache.set_dir(str(d))
    cache.forget_memory()
    yield d
    from conftest import _SESSION
    cache.set_dir(_SESSION["cache"])
    cache.forget_memory()


@pytest.fixture(scope="module")
def corpus_cache(tmp_path_factory):
    d = tmp_path_factory.mktemp("memo-corpus")
    return d


def _hits():
    return memo.STATS["hit"]


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(GOLDEN)) for c in CASES])
def test_golden_twice_the_second_from_the_memo(script, corpus_cache, monkeypatch):
    monkeypatch.setenv("BROPATH", ".")
    monkeypatch.delenv("ZEEKPATH", raising=False)
    from conftest import _SESSION
    cache.set_dir(str(corpus_cache / script.relative_to(GOLDEN).parent.name))
    try:
        want = golden_expected(script)
        stored = memo.STATS["stored"]
        rc, out, err = run_captured(["-b", script.name], str(script.parent))
        assert (out.decode("latin-1"), err, rc) == want
        learned = memo.STATS["stored"] > stored
        hits = _hits()
        rc, out, err = run_captured(["-b", script.name], str(script.parent))
        assert (out.decode("latin-1"), err, rc) == want
        # a load that reported nothing is remembered, and the next run uses it
        assert _hits() - hits == (1 if learned else 0)
        if want[1] == "" and want[2] == 0:
            assert learned      # nothing at all was reported: a clean load
    finally:
        cache.set_dir(_SESSION["cache"])


CHANGING = """\
function greet(): string
	{
	print "loading";
	return "hi";
	}

global announce = greet();

function never_called(): count
	{
	return %s;
	}

event bro_init()
	{
	print announce;
	}
%s
"""
# room for a line of the same length, so that an edit can keep the file's
# size (and, put back, its time): only the fingerprint tells then
PAD = "#" * 28


def edit_unseen(path, text):
    """Write `text` over `path` leaving its size and times as they were."""
    st = path.stat()
    assert len(text.encode()) == st.st_size
    path.write_text(text)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def test_a_changed_script_is_checked_again_where_it_stands(tmp_path, own_cache, monkeypatch):
    monkeypatch.setenv("BROPATH", ".")
    s = tmp_path / "s.bro"
    s.write_text(CHANGING % ("1", PAD))
    assert run_captured(["-b", "s.bro"], str(tmp_path)) == (0, b"loading\nhi\n", "")
    hits = _hits()
    assert run_captured(["-b", "s.bro"], str(tmp_path)) == (0, b"loading\nhi\n", "")
    assert _hits() == hits + 1
    # the body nobody calls now has an error: Bro reports it at start-up;
    # the speculative load's "loading" was held back and dropped
    edit_unseen(s, CHANGING % ("F", PAD))
    misses = memo.STATS["miss"]
    rc, out, err = run_captured(["-b", "s.bro"], str(tmp_path))
    assert memo.STATS["miss"] == misses + 1
    assert (rc, out) == (1, b"loading\n")
    assert "s.bro, line 11" in err
    # exactly what a run without any cache says
    assert (rc, out, err) == run_without_memo(tmp_path, ["-b", "s.bro"])


def test_an_edited_script_is_not_loaded_speculatively(tmp_path, own_cache, monkeypatch):
    # a file whose size or time changed since the memo: the load is done
    # as read at once, not attempted first (memo.lookup)
    monkeypatch.setenv("BROPATH", ".")
    s = tmp_path / "s.bro"
    s.write_text(CHANGING % ("1", PAD))
    run_captured(["-b", "s.bro"], str(tmp_path))
    s.write_text(CHANGING % ('"not a count"', PAD))
    hits, misses = _hits(), memo.STATS["miss"]
    got = run_captured(["-b", "s.bro"], str(tmp_path))
    assert (_hits(), memo.STATS["miss"]) == (hits, misses)
    assert got == run_without_memo(tmp_path, ["-b", "s.bro"])
    assert got[0] == 1 and "s.bro, line 11" in got[2]


def test_a_script_broken_since_gives_its_error(tmp_path, own_cache, monkeypatch):
    # a load that stops (a syntax error, exit() in an initialiser) in a
    # speculative run is loaded again as read, so its messages come out
    monkeypatch.setenv("BROPATH", ".")
    s = tmp_path / "s.bro"
    good = CHANGING % ("1", PAD)
    s.write_text(good)
    run_captured(["-b", "s.bro"], str(tmp_path))
    for line in ("global x: count = ;         ", "global y: count = exit(3);  "):
        edit_unseen(s, CHANGING % ("1", line))
        misses = memo.STATS["miss"]
        got = run_captured(["-b", "s.bro"], str(tmp_path))
        assert memo.STATS["miss"] == misses + 1
        assert got == run_without_memo(tmp_path, ["-b", "s.bro"])
        assert got[0] != 0 and (got[2] or got[0] == 3)
        edit_unseen(s, good)
        run_captured(["-b", "s.bro"], str(tmp_path))


def run_without_memo(cwd, argv):
    return run_captured(["--no-cache", *argv], str(cwd))


WHICH = """\
@if ( getenv("BRANCH") == "a" )
function f(): string { return "a"; }
@else
function f(): string { return "b"; }
@endif

event bro_init()
	{
	print f();
	}
"""


def test_an_if_decided_otherwise_is_another_program(tmp_path, own_cache, monkeypatch):
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "w.bro").write_text(WHICH)
    monkeypatch.setenv("BRANCH", "a")
    assert run_captured(["-b", "w.bro"], str(tmp_path))[:2] == (0, b"a\n")
    assert run_captured(["-b", "w.bro"], str(tmp_path))[:2] == (0, b"a\n")
    misses = memo.STATS["miss"]
    monkeypatch.setenv("BRANCH", "b")
    assert run_captured(["-b", "w.bro"], str(tmp_path))[:2] == (0, b"b\n")
    assert memo.STATS["miss"] == misses + 1


UNUSED = """\
redef check_for_unused_event_handlers = T;
global raised: event(n: count);
global never: event(n: count);

event raised(n: count) { print "raised", n; }
event never(n: count) { print "never", n; }

function go() { event raised(1); }

event bro_init() { go(); }
"""


def test_unused_handler_warnings_are_the_same_from_the_memo(tmp_path, own_cache, monkeypatch):
    # which events a body raises is known from checking it: the memo keeps
    # the list, so the warnings do not depend on which bodies ran
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "u.bro").write_text(UNUSED)
    first = run_captured(["-b", "u.bro"], str(tmp_path))
    hits = _hits()
    second = run_captured(["-b", "u.bro"], str(tmp_path))
    assert first == second
    assert "event handler never invoked: never" in first[2]
    assert "never invoked: raised" not in first[2]
    # the warnings come after the load, which reported nothing: the second
    # run came from the memo, with the bodies that raise `raised` unchecked
    assert _hits() == hits + 1


CLEAN_UNUSED = UNUSED.replace("redef check_for_unused_event_handlers = T;\n", "")


def test_events_raised_by_bodies_not_yet_checked_count_as_raised(tmp_path, own_cache, monkeypatch):
    # the load is clean, so it is remembered; switching the check on at
    # run time is not possible (it is read before bro_init), so the memo'd
    # run must give the same warnings as a checked one: run both with -e
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "c.bro").write_text(CLEAN_UNUSED)
    argv = ["-b", "c.bro", "check_for_unused_event_handlers=T"]
    first = run_captured(argv, str(tmp_path))
    second = run_captured(argv, str(tmp_path))
    assert first == second == run_without_memo(tmp_path, argv)


GLOBAL_IDS = """\
event bro_init()
	{
	local g = global_ids();
	local n = 0;
	for ( i in g )
		{
		++n;
		print i, g[i];
		}
	print n;
	}
"""


@pytest.mark.parametrize("bro_lib", [False, True], ids=["own-library", "bro-2.6-init-default"])
def test_global_ids_the_same_with_every_declaration_made_at_once(tmp_path, monkeypatch, bro_lib):
    # global_ids() lists deferred declarations without making them where
    # their entry can be read off their text (builtins/introspection.py)
    if bro_lib:
        monkeypatch.setenv("BROPATH", ".:" + bro_path())
        argv = ["g.bro"]
    else:
        monkeypatch.setenv("BROPATH", ".")
        argv = ["-b", "g.bro"]
    (tmp_path / "g.bro").write_text(GLOBAL_IDS)
    lazy = run_captured(argv, str(tmp_path))
    monkeypatch.setattr(Interpreter, "defer_declarations", False)
    eager = run_captured(["--no-cache", *argv], str(tmp_path))
    assert lazy[0] == 0 and lazy[2] == ""
    assert lazy == eager
    assert lazy[1].count(b"\n") > (5000 if bro_lib else 1000)


def test_a_simulated_cluster_boots_every_node_from_the_memo(tmp_path, own_cache, monkeypatch):
    monkeypatch.setenv("BROPATH", ".")
    layout = Path(__file__).parent / "cluster" / "sim" / "cluster-layout.bro"
    argv = ["--simulate", "all", "--layout", str(layout), "--node-output", "out", "-e", ""]
    first = run_captured(argv, str(tmp_path))
    logs = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "out").rglob("*")
            if p.is_file()}
    hits = _hits()
    second = run_captured(argv, str(tmp_path))
    assert second == first
    again = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "out").rglob("*")
             if p.is_file()}
    assert again == logs
    nodes = [p for p in (tmp_path / "out").iterdir() if p.is_dir()]
    assert _hits() - hits == len(nodes) > 1
