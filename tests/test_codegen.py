"""The two ways a body is compiled give the same run.

codegen.BlockGen writes most statements of a body into one generated Python
function (loops as Python loops); what it cannot write there runs as the
closures of compiler/core.py.  Both must give the golden output, and both must
pay the same --max-steps steps.  Setting MAX_INLINE_NESTING to 0 leaves
every statement to the closures."""
from __future__ import annotations

import contextlib
import io

import pytest

from broscript.compiler import codegen
from broscript.fuzz import run_captured
from broscript.interp import Interpreter

from conftest import GOLDEN, golden_expected

CASES = sorted(GOLDEN.rglob("*.bro"))


@pytest.mark.parametrize("script", CASES, ids=[str(c.relative_to(GOLDEN)) for c in CASES])
def test_golden_with_closures_only(script, monkeypatch):
    monkeypatch.setattr(codegen, "MAX_INLINE_NESTING", 0)
    monkeypatch.setenv("BROPATH", ".")
    monkeypatch.delenv("ZEEKPATH", raising=False)
    rc, out, err = run_captured(["-b", script.name], str(script.parent))
    assert (out.decode("latin-1"), err, rc) == golden_expected(script)


STEPS = """
global v: vector of count = vector(1, 2, 3, 4, 5, 6);
global t: table[count] of string = { [1] = "a", [2] = "b", [3] = "c" };
global r: table[int] of string;

function find(x: count): count
	{
	for ( i in v )
		for ( k in t )
			if ( v[i] == x )
				return |i|;
	return 0;
	}

function boom(): count
	{
	for ( i in v )
		if ( i == 2 )
			return 1 / |i - 2|;
	return 0;
	}

event bro_init()
	{
	local n = 0;
	for ( i in v )
		{
		if ( i == 1 )
			next;
		if ( i == 4 )
			break;
		for ( k in t )
			n += k;
		}
	while ( n < 40 )
		++n;
	print n, find(3), find(99);
	print boom();
	for ( i in v )
		{
		print r[i];
		print "after";
		}
	}
"""


LIMIT = 10 ** 7


def run_source(text: str, nesting: int) -> tuple[bytes, str, int]:
    """Run a script given as text with bodies inlined up to `nesting`
    (0: closures only): (stdout, stderr, steps paid)."""
    saved = codegen.MAX_INLINE_NESTING
    codegen.MAX_INLINE_NESTING = nesting
    err = io.StringIO()
    try:
        with contextlib.redirect_stderr(err):
            out = io.BytesIO()
            interp = Interpreter(out=out)
            budget = interp.runtime.budget
            budget.limit = budget.left = LIMIT
            interp.load_sources([("gen.bro", text, None)])
            interp.run()
    finally:
        codegen.MAX_INLINE_NESTING = saved
    return out.getvalue(), err.getvalue(), LIMIT - budget.left


def test_loops_pay_the_same_steps_either_way():
    # break, next, return from nested loops, an expression error that
    # unwinds out of a loop, and statements that fail inside one
    inline = run_source(STEPS, codegen.MAX_INLINE_NESTING)
    closures = run_source(STEPS, 0)
    assert inline == closures
    assert inline[0] == b"40, 2, 0\n" + b"after\n" * 6


def test_step_limit_inside_a_loop_stops_where_the_closures_stop(monkeypatch, tmp_path):
    # a library of its own on the script path (BROPATH defaults to `.`), so
    # that no framework's bro_init takes steps before the script's
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "init-bare.bro").write_text("global bro_init: event();\n")
    (tmp_path / "base" / "init-frameworks-and-bifs.bro").write_text("\n")
    script = tmp_path / "t.bro"
    script.write_text("global v: vector of count = vector(1, 2, 3, 4, 5, 6, 7, 8);\n"
                      "event bro_init()\n\t{\n\tfor ( i in v )\n\t\tprint i;\n\t}\n")
    results = []
    for nesting in (codegen.MAX_INLINE_NESTING, 0):
        monkeypatch.setattr(codegen, "MAX_INLINE_NESTING", nesting)
        results.append(run_captured(["-b", "--max-steps", "6", str(script)], str(tmp_path)))
    assert results[0] == results[1]
    rc, out, err = results[0]
    assert rc == 1
    assert out == b"0\n1\n2\n3\n4\n"     # bro_init and five iterations: six steps
    assert err.endswith("t.bro, lines 4-5: step limit of 6 exceeded (--max-steps)\n")
