"""Start-up work done later or once (issue 12): function, event and hook
bodies are checked when read but compiled on their first call
(Compiler.lazy_body), and the nodes of a simulated cluster share what
parsing produced.  Neither may change a run: the golden corpus gives the
same output, errors and exit status with every body compiled as it is read
(Interpreter.lazy_bodies = False), and nodes stay independent."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from broscript.cluster import Cluster
from broscript.fuzz import run_captured
from broscript.interp import Interpreter

from conftest import GOLDEN, golden_expected

CASES = sorted(GOLDEN.rglob("*.bro"))
LAYOUT = Path(__file__).parent / "cluster" / "sim" / "cluster-layout.bro"


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(GOLDEN)) for c in CASES])
def test_golden_with_bodies_compiled_as_read(script, monkeypatch):
    monkeypatch.setattr(Interpreter, "lazy_bodies", False)
    monkeypatch.setenv("BROPATH", ".")
    monkeypatch.delenv("ZEEKPATH", raising=False)
    rc, out, err = run_captured(["-b", script.name], str(script.parent))
    assert (out.decode("latin-1"), err, rc) == golden_expected(script)


UNCALLED_ERROR = """\
function never_called(): count
	{
	return "not a count";
	}

event bro_init()
	{
	print "started";
	}
"""


@pytest.mark.parametrize("lazy", [True, False])
def test_an_error_in_a_body_never_called_is_reported_at_start_up(tmp_path, monkeypatch, lazy):
    # Bro checks every body as it reads it (language.md §2.6): a body that
    # is never called still fails the run before bro_init
    monkeypatch.setattr(Interpreter, "lazy_bodies", lazy)
    monkeypatch.setenv("BROPATH", ".")
    (tmp_path / "s.bro").write_text(UNCALLED_ERROR)
    rc, out, err = run_captured(["-b", "s.bro"], str(tmp_path))
    assert rc == 1
    assert out == b""
    # Bro's check_and_promote_expr places the error at the return type and
    # the expression (language.md §6.2)
    assert err == ("error in count and ./s.bro, line 3: arithmetic mixed with "
                   "non-arithmetic (count and not a count)\n")


COUNTING = """\
global calls = 0;
function fact(n: count): count
	{
	++calls;
	if ( n <= 1 )
		return 1;
	return n * fact(n - 1);
	}
"""


def _interp():
    return Interpreter(out=io.BytesIO(), err=io.StringIO(), environ={b"BROPATH": b"."})


def test_a_body_is_compiled_on_its_first_call_and_kept():
    ip = _interp().load(COUNTING)
    body = ip.globals["fact"].value.bodies[0]
    stand_in = body.fn
    # the first call compiles while the body recurses into itself
    assert ip.call("fact", 5) == 120
    compiled = body.fn
    assert compiled is not stand_in
    assert ip.call("fact", 6) == 720
    assert body.fn is compiled
    assert ip.get("calls") == 11


def test_bodies_compiled_as_read_have_no_stand_in(monkeypatch):
    monkeypatch.setattr(Interpreter, "lazy_bodies", False)
    ip = _interp().load(COUNTING)
    body = ip.globals["fact"].value.bodies[0]
    compiled = body.fn
    assert ip.call("fact", 4) == 24
    assert body.fn is compiled


def test_an_anonymous_function_compiles_on_its_first_call():
    ip = _interp().load("global twice = function(x: count): count { return 2 * x; };\n"
                        "function apply(f: function(x: count): count, x: count): count "
                        "{ return f(x); }\n")
    assert ip.call("apply", ip.ref("twice"), 21) == 42
    assert ip.call("apply", ip.ref("twice"), 4) == 8


BUMP = """\
global bumped = 0;
global seen: table[string] of count;
function bump(who: string): count
	{
	++bumped;
	seen[who] = bumped;
	return bumped;
	}
"""


def test_cluster_nodes_share_parsing_but_not_state():
    # every node reads the same declarations (one parse, shared), compiles
    # `bump` on its own first call, and keeps its own globals
    c = Cluster(LAYOUT, code=[BUMP]).start()
    try:
        m, w = c.node("manager"), c.node("worker-1")
        assert m.call("bump", "m") == 1
        assert m.call("bump", "m") == 2
        assert w.call("bump", "w") == 1
        assert m.get("bumped") == 2 and w.get("bumped") == 1
        assert m.get("seen") == {"m": 2} and w.get("seen") == {"w": 1}
        assert c.node("proxy-1").get("bumped") == 0
    finally:
        c.shutdown()
