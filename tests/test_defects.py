"""Regression tests for the defects issue 10 found (the goldens
values/2.9-subnet-operands-once, values/5.3-any-vector-index-once and
values/5.6-copy-unshares pin the rest)."""
from __future__ import annotations

import io

from broscript.interp import Interpreter


def run(text: str) -> tuple[bytes, str, int]:
    """(stdout, stderr, errors reported while loading) of a script run in-process."""
    out, err = io.BytesIO(), io.StringIO()
    interp = Interpreter(out=out, err=err, environ={})
    interp.load_sources([("t.bro", text, None)])
    errors = interp.reporter.errors
    if not errors:
        interp.run()
    return out.getvalue(), err.getvalue(), errors


def test_copy_of_a_cyclic_record_keeps_its_cycle():
    # Records that reach each other through `redef record`: copy() used to
    # recurse until "fatal error: nesting too deep for broscript".  Sharing
    # is not kept (values.md §5.6), but a cycle can only be copied as a cycle.
    out, err, _ = run("""
type A: record { x: count; };
type B: record { a: A; };
redef record A += { b: B &optional; };
event bro_init()
	{
	local a = A($x=1);
	a$b = B($a=a);
	local c = copy(a);
	c$x = 5;
	print a$x, a$b$a$x, c$x, c$b$a$x;
	local v: vector of any = vector();
	v[0] = v;
	local w = copy(v);
	print |w|;
	}
""")
    assert (out, err) == (b"1, 1, 5, 5\n1\n", "")


def test_return_when_is_reported_as_not_supported():
    out, err, errors = run("""
function f(): count
	{
	return when ( T ) { return 1; }
	}
""")
    assert errors == 1
    assert err == "error in t.bro, line 4: not supported by broscript: return when\n"
