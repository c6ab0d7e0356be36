"""Generated programs run the same through both compilations.

Hypothesis writes well-typed Bro bodies full of what codegen.BlockGen writes
inline -- nested `for` over vectors and tables, `while`, `break`, `next`,
`return` from inside loops, `switch` inside loops, `++`/`--`, `+=`/`-=`,
locals that are set on some paths only, indexing that can miss, division
that can fail -- and each program must print the same, report the same and
pay the same number of steps whether its bodies are generated Python or
closures only (codegen.MAX_INLINE_NESTING = 0)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from broscript.compiler import codegen
from test_codegen import run_source

COUNTS = ["c1", "c2", "u"]          # u starts unset
LOOP_VARS = ["i", "j", "k"]


@st.composite
def count_expr(draw, depth=0, loop_vars=()):
    choices = ["lit", "var", "var"] + (["loopvar"] if loop_vars else [])
    if depth < 2:
        choices += ["bin", "bin", "size", "index", "call"]
    kind = draw(st.sampled_from(choices))
    if kind == "lit":
        return str(draw(st.integers(0, 4)))
    if kind == "var":
        return draw(st.sampled_from(COUNTS))
    if kind == "loopvar":
        # vector loop variables are int: make them counts explicitly
        return f"int_to_count({draw(st.sampled_from(loop_vars))})" if draw(st.booleans()) \
            else draw(st.sampled_from(["c1", "c2"]))
    if kind == "size":
        return "|v|"
    if kind == "index":
        return f"v[{draw(count_expr(depth + 1, loop_vars))}]"
    if kind == "call":
        return f"f({draw(count_expr(depth + 1, loop_vars))})"
    op = draw(st.sampled_from(["+", "-", "*", "/", "%"]))
    a = draw(count_expr(depth + 1, loop_vars))
    b = draw(count_expr(depth + 1, loop_vars))
    return f"({a} {op} {b})"


@st.composite
def bool_expr(draw, loop_vars=()):
    kind = draw(st.sampled_from(["cmp", "cmp", "in", "str", "not", "and"]))
    if kind == "cmp":
        op = draw(st.sampled_from(["<", "<=", "==", "!=", ">"]))
        return f"{draw(count_expr(1, loop_vars))} {op} {draw(count_expr(1, loop_vars))}"
    if kind == "in":
        return f"{draw(count_expr(1, loop_vars))} in t"
    if kind == "str":
        return f's == "{draw(st.sampled_from(["", "a", "ab"]))}"'
    if kind == "not":
        return f"! ({draw(count_expr(1, loop_vars))} < 2)"
    return f"({draw(count_expr(1, loop_vars))} > 0 && {draw(count_expr(1, loop_vars))} < 3)"


@st.composite
def stmt(draw, depth, in_loop, in_func, loop_vars, loops_left):
    kinds = ["assign", "assign", "print", "incdec", "aug", "str", "local"]
    if depth < 3:
        kinds += ["if", "if"]
        if loops_left:
            kinds += ["for_v", "for_t", "while"]
        kinds += ["switch"]
    if in_loop:
        kinds += ["break", "next"]
    if in_func:
        kinds += ["return"]
    kind = draw(st.sampled_from(kinds))
    ce = lambda: draw(count_expr(0, loop_vars))
    body = lambda lv=loop_vars, loop=in_loop, left=loops_left: draw(
        block(depth + 1, loop, in_func, lv, left))
    if kind == "assign":
        return f"{draw(st.sampled_from(COUNTS))} = {ce()};"
    if kind == "print":
        return f"print {ce()}, s;"
    if kind == "incdec":
        return f"{draw(st.sampled_from(['++', '--']))}{draw(st.sampled_from(COUNTS))};"
    if kind == "aug":
        return f"{draw(st.sampled_from(COUNTS))} {draw(st.sampled_from(['+=', '-=']))} {ce()};"
    if kind == "str":
        return draw(st.sampled_from([f's += t[{ce()}];', f's = fmt("%d.%s", {ce()}, s);',
                                     's = "";', f's += "{draw(st.sampled_from("ab"))}";']))
    if kind == "local":
        return f"w = {ce()}; print w;"
    if kind == "if":
        els = f" else {body()}" if draw(st.booleans()) else ""
        return f"if ( {draw(bool_expr(loop_vars))} ) {body()}{els}"
    if kind == "for_v" or kind == "for_t":
        free = [v for v in LOOP_VARS if v not in loop_vars]
        var = free[0]
        over = "v" if kind == "for_v" else "t"
        inner = body(loop_vars + ((var,) if over == "v" else ()), True, loops_left - 1)
        return f"for ( {var} in {over} ) {inner}"
    if kind == "while":
        # a counter of its own (one per level of loops), which nothing else
        # assigns: it ends
        n = draw(st.integers(1, 3))
        wl = f"wl{loops_left}"
        return (f"while ( {wl} < {n} ) {{ ++{wl}; "
                f"{body(loop_vars, True, loops_left - 1)} }} {wl} = 0;")
    if kind == "switch":
        # a `break` in a case leaves the switch, a `next` the loop around it
        return (f"switch ( {ce()} ) {{ case 0: {body()} break; "
                f"case 1, 2: {body()} fallthrough; default: {body()} break; }}")
    if kind == "break":
        return "break;"
    if kind == "next":
        return "next;"
    return f"return {ce()};"


@st.composite
def block(draw, depth, in_loop, in_func, loop_vars, loops_left):
    stmts = draw(st.lists(stmt(depth, in_loop, in_func, loop_vars, loops_left),
                          min_size=1, max_size=4))
    return "{ " + " ".join(stmts) + " }"


@st.composite
def program(draw):
    fbody = draw(block(1, False, True, (), 2))
    body = draw(block(1, False, False, (), 3))
    return f"""
global v: vector of count = vector(2, 0, 1);
global t: table[count] of string = {{ [1] = "x", [3] = "y" }};
global calls = 0;

function f(x: count): count
	{{
	local c1 = x;
	local c2 = 1;
	local u: count;
	local s = "";
	local w: count;
	local wl1 = 0;
	local wl2 = 0;
	local wl3 = 0;
	++calls;
	if ( calls > 50 )
		return 0;
	{fbody}
	return c1;
	}}

event bro_init()
	{{
	local c1 = 1;
	local c2 = 2;
	local u: count;
	local s = "";
	local w: count;
	local wl1 = 0;
	local wl2 = 0;
	local wl3 = 0;
	{body}
	print "end", c1, c2, s;
	}}

event bro_done()
	{{
	print "done", calls;
	}}
"""


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(program())
def test_generated_python_and_closures_agree(text):
    inline = run_source(text, codegen.MAX_INLINE_NESTING)
    closures = run_source(text, 0)
    assert "internal error" not in inline[1]
    assert inline == closures
