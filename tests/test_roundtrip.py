"""Property: printing an expression tree and parsing it back gives the same
tree (issue 5), over generated expressions of every operator level."""
from hypothesis import given, settings, strategies as st

from broscript.lexer import Lexer
from broscript.parser import parse_tokens, terminal_names
from broscript.pretty import source


def parse_expr(text):
    lx = Lexer(terminal_names(), None)
    lx.push_file("./t.bro", text, None)
    return parse_tokens(list(lx.tokens()), "expr")


names = st.sampled_from(["a", "b", "Cluster::node", "x_1", "GLOBAL::y"])
strings = st.binary(max_size=8).map(lambda b: '"' + "".join(
    chr(c) if 0x20 <= c <= 0x7e and c not in (0x22, 0x5c) else f"\\x{c:02x}" for c in b) + '"')
leaves = st.one_of(
    st.integers(0, 2 ** 64 - 1).map(str), names, strings, st.sampled_from(
        ["T", "F", "1.5", "3 hrs", "80/tcp", "10.0.0.1", "10.0.0.0/8", "[::1]", "/ab+c/", "/x/i"]))
BINOPS = ["+", "-", "*", "/", "%", "&&", "||", "==", "!=", "<", "<=", ">", ">=", "in", "!in",
          "|", "&", "^"]


def binary(op, left, right):
    if op == "/" and left[:1].isdigit() | left.startswith("[") and "(" not in left:
        # an address leaf before `/` would start a subnet literal
        # (`10.0.0.1 / 1.5` reads as `10.0.0.1 / 1` then `.5`, in Bro too)
        left = f"({left})"
    return f"({left} {op} {right})"


def extend(sub):
    return st.one_of(
        st.tuples(st.sampled_from(BINOPS), sub, sub).map(lambda t: binary(*t)),
        st.tuples(st.sampled_from(["-", "!", "~", "+"]), sub).map(lambda t: f"({t[0]}{t[1]})"),
        st.tuples(sub, sub, sub).map(lambda t: f"({t[0]} ? {t[1]} : {t[2]})"),
        sub.map(lambda s: f"| {s} |"),
        st.tuples(names, st.lists(sub, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.tuples(sub, st.lists(sub, min_size=1, max_size=2)).map(lambda t: f"{t[0]}[{', '.join(t[1])}]"),
        st.tuples(sub, st.sampled_from(["a", "f2"])).map(lambda t: f"{t[0]}${t[1]}"),
        st.lists(sub, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]"),
        st.lists(sub, max_size=3).map(lambda xs: "set(" + ", ".join(xs) + ")"),
    )


exprs = st.recursive(leaves, extend, max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(exprs)
def test_print_parse_print_is_stable(text):
    first = source(parse_expr(text))
    assert source(parse_expr(first)) == first


def test_address_before_division_round_trips():
    # the generator can make these: they must print as they parse
    for text in ["((10.0.0.1) / 1.5)", "(([::1]) / 1.5)", "((10.0.0.0/8) / 1.5)", "(10.0.0.1 / 15)"]:
        first = source(parse_expr(text))
        assert source(parse_expr(first)) == first
    assert source(parse_expr("((10.0.0.1) / 1.5)")) == "((10.0.0.1) / 1.5)"


def test_size_bars_round_trip():
    for text in ["|a| - 1", "|a | b|", "f(|x|, |y|)", "[|k|]", "|-x| + |y|"]:
        first = source(parse_expr(text))
        assert source(parse_expr(first)) == first
