"""The parser's own LALR driver (parser._lalr) builds, for every file of Bro
2.6's library and every golden script, the AST that Lark's parse tree gave
when walked by the same builder methods: same tree shape (`_` rules spliced,
`[x]` placeholders, inlined `?rule`s), same line spans, same errors.  And
the script cache's encoding (astcodec) gives that AST back unchanged."""
from __future__ import annotations

import sys

import pytest
from lark import Token, Transformer
from lark.exceptions import UnexpectedToken

from broscript import astcodec
from broscript.errors import BroError, BroSyntaxError, FILES, Loc
from broscript.lexer import Lexer
from broscript.parser import ToAST, _raise_syntax, lark_parser, parse_tokens, terminal_names
from conftest import BRO_SCRIPTS, REPO


class LarkToken(Token):
    """A BroToken as Lark's tree builder wants it (positions come from Tokens)."""
    __slots__ = ("docs", "post_docs")


def _reference_transformer():
    builder = ToAST()
    names = {r.alias or r.origin.name for r in lark_parser().rules}

    def wrap(name):
        def f(self, tree):
            meta = tree.meta
            c = [self._transform_tree(x) if hasattr(x, "data") else x for x in tree.children]
            loc = Loc.from_lines(meta.line, meta.end_line) if not meta.empty else None
            return getattr(builder, name)(loc, c)
        return f

    attrs = {n: wrap(n) for n in names if hasattr(builder, n)}

    class Ref(Transformer):
        def _transform_tree(self, tree):
            fn = attrs.get(tree.data)
            if fn is None:
                return tree
            return fn(self, tree)
    return Ref()


def reference_parse(tokens, start):
    """The AST as it was made before the driver: Lark's tree, then a walk."""
    ip = lark_parser().parse_interactive(start=start)
    tok = None
    i = 0
    try:
        for i, t in enumerate(tokens):
            tok = LarkToken(t.type, t.value, 0, t.line, 0, t.line, 0, 0)
            tok.docs, tok.post_docs = t.docs, t.post_docs
            ip.feed_token(tok)
        i = len(tokens)
        tree = ip.feed_eof(tok)
    except UnexpectedToken:
        _raise_syntax(tokens, i, tokens[i] if i < len(tokens) else None, None)
    return _reference_transformer()._transform_tree(tree)


def scripts():
    files = sorted(BRO_SCRIPTS.rglob("*.bro"))
    files += sorted((REPO / "scripts").rglob("*.bro"))
    files += sorted((REPO / "tests" / "golden").rglob("*.bro"))
    return files


def tokens_of(path, both=True):
    from broscript.parseonly import _FirstBranch
    lx = Lexer(terminal_names(), None if both else _FirstBranch())
    lx.push_file(str(path), path.read_bytes().decode("latin-1"), None)
    return list(lx.tokens())


def outcome(fn):
    try:
        return repr(fn())
    except BroError as e:
        return "error: " + e.render()


def test_driver_gives_the_tree_walks_ast_for_every_library_and_golden_script():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 100000))
    files = scripts()
    assert len([f for f in files if BRO_SCRIPTS in f.parents]) == 339
    checked = 0
    for path in files:
        for both in (True, False):
            # both @if branches, then (parse-only's second try) the first only
            try:
                toks = tokens_of(path, both)
            except BroError:
                continue
            new = outcome(lambda: parse_tokens(toks, "file"))
            old = outcome(lambda: reference_parse(toks, "file"))
            assert new == old, path
            checked += 1
            if not new.startswith("error: "):
                break
    assert checked > 600


@pytest.mark.parametrize("start,text", [
    ("expr", "1 + "), ("expr", ""), ("decl", "global x = ;"), ("stmt_list", "print 1"),
    ("type", "table[string] of"), ("decl", "redef enum Foo += { A, B, };"),
    ("expr", "f(|x|, /a.b/i, [::1], 10.0.0.0/8, 3 hrs, \"s\\x41\")"),
])
def test_driver_errors_and_edges_match(start, text):
    lx = Lexer(terminal_names(), None)
    lx.push_file("./t.bro", text, None)
    toks = list(lx.tokens())
    assert outcome(lambda: parse_tokens(toks, start)) == outcome(lambda: reference_parse(toks, start))


def test_bad_literal_is_reported_after_a_later_syntax_error_as_before():
    # the AST used to be built after the whole parse: a syntax error later in
    # the input wins over a bad address literal before it
    lx = Lexer(terminal_names(), None)
    lx.push_file("./t.bro", "global a = 1.2.3.999;\nglobal b = ;\n", None)
    with pytest.raises(BroSyntaxError) as ex:
        parse_tokens(list(lx.tokens()), "file")
    assert ex.value.render() == 'error in ./t.bro, line 2: syntax error, at or near ";"'
    lx = Lexer(terminal_names(), None)
    lx.push_file("./t.bro", "global a = 1.2.3.999;\n", None)
    with pytest.raises(BroSyntaxError) as ex:
        parse_tokens(list(lx.tokens()), "file")
    assert ex.value.render() == "error in ./t.bro, line 1: bad IP address: 1.2.3.999"


def test_cache_encoding_round_trips_every_declaration_of_the_library():
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 100000))
    done = 0
    for path in sorted(BRO_SCRIPTS.rglob("*.bro")):
        try:
            toks = tokens_of(path)
            decls = parse_tokens(toks, "file")
        except BroError:
            continue
        fid = toks[0].line >> 20 if toks else 0
        for d in decls:
            enc = astcodec.encode(d, fid)
            again = astcodec.decoder(FILES[fid])(enc)
            assert repr(again) == repr(d), path
            done += 1
    assert done > 2000
