"""Nothing in a script can reach Python (issue 5): identifiers, strings,
numbers and comments stay data; generated code only names our bindings."""
import io
import os

from hypothesis import given, settings, strategies as st

from broscript.interp import Interpreter

def run(text):
    out = io.BytesIO()
    interp = Interpreter(out=out)
    interp.load_sources([("./t.bro", text, None)])
    interp.run()
    return out.getvalue().decode("latin-1")


def test_python_words_are_just_bro_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = (
        "global __import__ = 1;\n"
        "global eval = 2;\n"
        "global _v = 3;\n"
        "global _U = 4;\n"
        "function exec(f: count): count { return f + __import__ + eval + _v + _U; }\n"
        "# __import__('os').system('touch PWNED')\n"
        'global s = "\\"); __import__(\\"os\\").system(\\"touch PWNED\\"); (\\"";\n'
        "event bro_init() { print exec(10), s; }\n"
    )
    out = run(text)
    assert out.startswith("20, ")
    assert "__import__" in out
    assert not (tmp_path / "PWNED").exists()


def test_strings_and_patterns_are_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = ('global s = "x\\" + __import__(\\"os\\").system(\\"touch PWNED\\") + \\"";\n'
            'global p = /" + __import__("os").getcwd() + "/;\n'
            'event bro_init() { print s, |s| > 10, p in s; }\n')
    out = run(text)
    assert out.splitlines()[0].startswith('x" + __import__("os")')
    assert not (tmp_path / "PWNED").exists()


def test_generated_source_names_only_our_bindings():
    from broscript.compiler import codegen
    seen = []
    real_compile = compile

    def spy(src, *a, **k):
        seen.append(src)
        return real_compile(src, *a, **k)
    codegen.compile = spy
    try:
        run('global secret_name = "payload-text";\n'
            'event bro_init() { local abc = secret_name + "more-text"; print abc, 12345 + 1; }\n')
    finally:
        del codegen.compile
    assert seen
    for src in seen:
        assert "secret_name" not in src and "payload" not in src and "more-text" not in src
        assert "abc" not in src


M64 = 1 << 64


def c_div(a, b):
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def model(tree):
    """Bro count arithmetic: wraps modulo 2^64, C division (values.md §4.1)."""
    if isinstance(tree, int):
        return tree
    op, l, r = tree
    a, b = model(l), model(r)
    if a is None or b is None:
        return None
    if op == "+":
        return (a + b) % M64
    if op == "-":
        return (a - b) % M64
    if op == "*":
        return (a * b) % M64
    if b == 0:
        return None
    return c_div(a, b) if op == "/" else a - b * c_div(a, b)


def text_of(tree):
    if isinstance(tree, int):
        return str(tree)
    op, l, r = tree
    return f"({text_of(l)} {op} {text_of(r)})"


trees = st.recursive(st.integers(0, 2 ** 64 - 1) | st.integers(0, 20),
                     lambda sub: st.tuples(st.sampled_from("+-*/%"), sub, sub), max_leaves=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(trees, min_size=1, max_size=5))
def test_count_arithmetic_matches_the_model(exprs):
    exprs = [e for e in exprs if model(e) is not None]
    if not exprs:
        return
    text = "event bro_init() {\n" + "".join(f"print {text_of(e)};\n" for e in exprs) + "}\n"
    assert run(text) == "".join(f"{model(e)}\n" for e in exprs)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=40))
def test_string_bytes_round_trip_through_print(data):
    body = "".join(f"\\x{b:02x}" for b in data)
    expect = "".join(chr(b) if 0x20 <= b <= 0x7e else f"\\x{b:02x}" for b in data)
    assert run(f'event bro_init() {{ print "{body}", |"{body}"|; }}\n') == f"{expect}, {len(data)}\n"
