"""Deferred declarations are checked where they stand (deferred.py,
GlobalTable): a function body of a start-up or library file that is made
on first use sees only the globals declared before it, as Bro 2.6, which
checks every body as it parses it, sees them; an error found in one fails
the run with status 1 however late it is found."""
from __future__ import annotations

import pytest

from broscript.fuzz import run_captured
from broscript.interp import Interpreter

from conftest import bro_path

LATER_IN_OWN_FILE = """\
module Foo;

export {
	global f: function(): count;
}

function f(): count
	{
	return later;
	}

global later: count = 5;
"""

LATER_ERR = 'error in ././lib.bro, line 9: unknown identifier later, at or near "later"\n'


def test_a_user_global_named_like_a_library_local_is_no_clash(tmp_path, monkeypatch):
    # Cluster::create_store (base/frameworks/cluster/main.bro) has a
    # `local info`; Bro read it before the user's `global info` existed
    monkeypatch.setenv("BROPATH", ".:" + bro_path())
    (tmp_path / "s.bro").write_text(
        "global info: count = 7;\n"
        "event bro_init()\n\t{\n\tprint Cluster::create_store(\"s\")$name;\n\t}\n"
        "print info;\n")
    rc, out, err = run_captured(["s.bro"], str(tmp_path))
    assert (rc, out, err) == (0, b"7\ns\n", "")


@pytest.mark.parametrize("defer", [True, False])
def test_a_body_naming_a_global_declared_later_in_its_file_is_an_error(tmp_path, monkeypatch, defer):
    # Bro: `unknown identifier` unless declared before use; deferred or
    # not, the same message, and nothing runs
    monkeypatch.setattr(Interpreter, "defer_declarations", defer)
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "lib.bro").write_text(LATER_IN_OWN_FILE)
    (tmp_path / "main.bro").write_text("@load ./lib\nprint Foo::f();\n")
    rc, out, err = run_captured(["-b", "main.bro"], str(tmp_path))
    assert (rc, out, err) == (1, b"", LATER_ERR)


def test_a_user_global_of_that_name_does_not_hide_the_error(tmp_path, monkeypatch):
    # the body names `later`, which only the user's script declares
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "lib.bro").write_text(LATER_IN_OWN_FILE.rsplit("\n\n", 1)[0] + "\n")
    (tmp_path / "main.bro").write_text(
        "@load ./lib\nmodule Foo;\nglobal later: count = 1;\nprint Foo::f();\n")
    rc, out, err = run_captured(["-b", "main.bro"], str(tmp_path))
    assert (rc, out, err) == (1, b"", LATER_ERR)


def test_an_error_found_at_run_time_still_fails_the_run(tmp_path, monkeypatch):
    # lookup_ID first looks at Foo::f while bro_init runs: the error Bro
    # reports while parsing comes late here, but the status is still 1
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "lib.bro").write_text(LATER_IN_OWN_FILE)
    (tmp_path / "main.bro").write_text(
        "@load ./lib\nevent bro_init()\n\t{\n\tprint lookup_ID(\"Foo::f\");\n\t}\n")
    rc, out, err = run_captured(["-b", "main.bro"], str(tmp_path))
    assert rc == 1
    assert err == LATER_ERR


def test_a_body_sees_what_was_declared_before_it(tmp_path, monkeypatch):
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "lib.bro").write_text(
        "module Foo;\n\nexport {\n\tglobal g: function(): count;\n}\n\n"
        "global early: count = 2;\n\n"
        "function g(): count\n\t{\n\tlocal info = early + 1;\n\treturn info;\n\t}\n")
    (tmp_path / "main.bro").write_text("@load ./lib\nglobal info = 9;\nprint Foo::g(), info;\n")
    rc, out, err = run_captured(["-b", "main.bro"], str(tmp_path))
    assert (rc, out, err) == (0, b"3, 9\n", "")


def test_an_event_a_body_raises_may_be_declared_later(tmp_path, monkeypatch):
    # Bro registers the event by name and checks no arguments; the handler
    # the user declares later is the one that runs
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "lib.bro").write_text(
        "module Foo;\n\nexport {\n\tglobal f: function();\n}\n\n"
        "function f()\n\t{\n\tevent later_ev(1);\n\t}\n")
    (tmp_path / "main.bro").write_text(
        "@load ./lib\nglobal later_ev: event(n: count);\n"
        "event later_ev(n: count)\n\t{\n\tprint \"got\", n;\n\t}\n"
        "event bro_init()\n\t{\n\tFoo::f();\n\t}\n")
    rc, out, err = run_captured(["-b", "main.bro"], str(tmp_path))
    assert (rc, out, err) == (0, b"got, 1\n", "")
