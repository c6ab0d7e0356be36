"""Grammar tests: every syntax form parses, and the forms Bro rejects fail,
through `broscript --parse-only` and the parser API."""
import subprocess
import sys
from pathlib import Path

import pytest

from broscript import nodes as N
from broscript.errors import BroSyntaxError
from broscript.lexer import Lexer
from broscript.parser import parse_tokens, terminal_names
from conftest import broscript_env

DATA = Path(__file__).parent / "data" / "syntax"


def parse(text, start="file"):
    lx = Lexer(terminal_names(), None)
    lx.push_file("./t.bro", text, None)
    return parse_tokens(list(lx.tokens()), start)


def expr(text):
    return parse(text, "expr")


def test_every_form_file_parses():
    proc = subprocess.run([sys.executable, "-m", "broscript", "--parse-only",
                           str(DATA / "every-form.bro")], capture_output=True,
                          env=broscript_env())
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("text,node,name", [
    ('global x: count;', N.VarDecl, 'x'),
    ('const c = 1 &redef;', N.VarDecl, 'c'),
    ('option o = 5;', N.VarDecl, 'o'),
    ('type Tb: table[count, string] of vector of set[addr];', N.TypeDecl, 'Tb'),
    ('type E: enum { A, B, };', N.TypeDecl, 'E'),
    ('type R: record { a: count; b: R &optional; };', N.TypeDecl, 'R'),
    ('type Fn: function(a: count; b: string): bool;', N.TypeDecl, 'Fn'),
    ('type V: event(a: count);', N.TypeDecl, 'V'),
    ('type H: hook();', N.TypeDecl, 'H'),
    ('type Fi: file of string;', N.TypeDecl, 'Fi'),
    ('type O: opaque of md5;', N.TypeDecl, 'O'),
    ('redef x = 5;', N.RedefValue, 'x'),
    ('redef x += { 1, 2, };', N.RedefValue, 'x'),
    ('redef x -= { 1 };', N.RedefValue, 'x'),
    ('redef x &redef;', N.RedefAttrs, 'x'),
    ('redef t["k"] = 1;', N.RedefValue, 't'),
    ('redef t[1, 2] = T;', N.RedefValue, 't'),
    ('redef enum E += { C };', N.RedefEnum, 'E'),
    ('redef record R += { c: int &optional; };', N.RedefRecord, 'R'),
    ('redef event e() { }', N.FuncDef, 'e'),
    ('function f() { }', N.FuncDef, 'f'),
    ('function f(): count { return 1; }', N.FuncDef, 'f'),
    ('event e(a: count, b: string) &priority=10 { }', N.FuncDef, 'e'),
    ('hook h() { break; }', N.FuncDef, 'h'),
    ('module M;', N.ModuleDecl, 'M'),
    ('export { global y = 1; }', N.ExportDecl, None),
    ('global f: function(...): string;', N.VarDecl, 'f'),
])
def test_declarations(text, node, name):
    # each form is one declaration of its own node class, with its name
    decls = parse(text)
    assert [type(d) for d in decls] == [node]
    assert getattr(decls[0], "name", None) == name


def test_precedence_chain():
    e = expr("a + b * c")
    assert isinstance(e, N.Binary) and e.op == "+" and e.right.op == "*"
    e = expr("a + b as count")
    assert e.op == "+" and isinstance(e.right, N.Cast)
    e = expr("-x as int")
    assert isinstance(e, N.Unary) and isinstance(e.operand, N.Cast)
    e = expr("T || T ? F : F")
    assert isinstance(e, N.Cond) and e.cond.op == "||"
    e = expr("c & 0x4 == 0x4")
    assert e.op == "==" and e.left.op == "&"
    e = expr("a == a | b")
    assert e.op == "==" and e.right.op == "|"
    e = expr("a = b = 5")
    assert isinstance(e, N.Assign) and isinstance(e.value, N.Assign)
    e = expr("hook h(1) && y")
    assert e.op == "&&" and isinstance(e.left, N.HookCall)


def test_hook_operand_reaches_over_tighter_operators():
    # language.md §1.7: `hook` is a prefix operator of level 6
    e = expr("! hook h(0)")
    assert isinstance(e, N.Unary) and e.op == "!" and isinstance(e.operand, N.HookCall)
    e = expr("hook h(0) == T")
    assert isinstance(e, N.HookCall) and e.call.op == "=="
    e = expr("! hook h(0) && T")
    assert e.op == "&&" and isinstance(e.left, N.Unary)
    e = expr("hook h(0) || x ? a : b")
    assert isinstance(e, N.Cond) and e.cond.op == "||" and isinstance(e.cond.left, N.HookCall)


def test_size_bars_follow_parse_y():
    e = expr("|x| - 1")
    assert e.op == "-" and isinstance(e.left, N.Size)
    e = expr("|x | y|")
    assert isinstance(e, N.Size) and e.operand.op == "|"
    e = expr("f(m, |k|)")
    assert isinstance(e.args[1], N.Size)
    e = expr("[|k|]")
    assert isinstance(e.items[0], N.Size)
    e = expr("|v| + |w|")
    assert e.op == "+" and isinstance(e.left, N.Size) and isinstance(e.right, N.Size)
    # `/` after a closing bar divides, even with another `/` later on the
    # line (found by the codegen property test)
    e = expr("|v| / (a / b)")
    assert e.op == "/" and isinstance(e.left, N.Size) and e.right.op == "/"
    e = expr("|v| / |w| / 2")
    assert e.op == "/" and e.left.op == "/" and isinstance(e.left.right, N.Size)


def test_pattern_versus_division():
    e = expr("a / b / c")
    assert e.op == "/" and e.left.op == "/"
    e = expr("/a/ | /b/i")
    assert e.op == "|" and isinstance(e.left, N.PatternLit) and e.right.icase


@pytest.mark.parametrize("text", [
    "print a < b < c;", "print x++;", "print Foo :: x;", "global x = 1 print x;",
    "print 1; global late = 1;", "event e() { local x = 1 }", "print //;",
])
def test_rejected(text):
    with pytest.raises(BroSyntaxError):
        parse(text)


def test_syntax_error_message_names_token():
    with pytest.raises(BroSyntaxError) as ei:
        parse("global x = ;")
    assert ei.value.render() == 'error in ./t.bro, line 1: syntax error, at or near ";"'


def test_doc_comments_attach():
    decls = parse("## the x\nglobal x: count;\n")
    assert decls[0].docs == [" the x"]
