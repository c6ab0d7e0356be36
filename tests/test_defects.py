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


def test_what_the_compiler_cannot_compile_is_an_internal_error():
    # a node the checker would never pass: no made-up value (it was 0)
    import pytest
    from broscript import nodes as N
    from broscript import types as T
    from broscript.errors import InternalError
    interp = Interpreter(out=io.BytesIO(), err=io.StringIO(), environ={})
    timer = N.Const(None, 0, type=T.TIMER)
    with pytest.raises(InternalError, match="no size of a value of type timer"):
        interp.compiler.expr(N.Size(None, timer, type=T.COUNT))


def test_an_internal_error_is_one_line_and_status_70(tmp_path, monkeypatch):
    from broscript import types as T
    from broscript.compiler import expressions
    from broscript.errors import InternalError
    from broscript.fuzz import run_captured

    def broken(comp, e):
        raise InternalError("no size of a value of type count")
    monkeypatch.setattr(expressions, "size_fn", broken)
    (tmp_path / "t.bro").write_text("print |1|;\n")
    rc, out, err = run_captured(["-b", "t.bro"], str(tmp_path))
    assert (rc, out, err) == (70, b"", "internal error: broscript failed: InternalError: "
                                       "no size of a value of type count\n")
