"""The fast cold parse (issue 12 item 3) changes nothing a user sees:
the stretch-at-a-time scanner of lexer.py hands out the tokens, doc
comments and messages a one-token-at-a-time scan gave, in the same order
relative to what the loader does between tokens; string escapes decode as
before; `--parse-only` reports, never fails inside broscript."""
from __future__ import annotations

import subprocess
import sys

import pytest

from broscript import parseonly
from broscript.literals import unescape
from conftest import broscript_env


def test_parse_only_second_try_passes_directives_that_name_files(tmp_path, capsys):
    # both @if branches fail to parse together, so the file is read again
    # with the first branch only, through @load-sigs and @prefixes
    f = tmp_path / "a.bro"
    f.write_text("@load-sigs foo\n@prefixes += bar\n@unload baz\n@if ( F )\nglobal x = ;\n"
                 "@else\nglobal x = 1;\n@endif\n")
    assert parseonly.parse_only([str(f)]) == 1
    assert capsys.readouterr().err == f'error in {f}, line 5: syntax error, at or near ";"\n'


@pytest.mark.parametrize("body,expect", [
    ("plain", b"plain"),
    (r"\x41\x42\x4", b"AB\x04"),             # a run of hex escapes, then one digit
    (r"\x41BC\x", b"ABC\x00"),               # \x with no digit is NUL
    (r"\x\x41", b"\x00A"),
    (r"\101\0\1234", b"A\x00S4"),            # octal: at most three digits
    (r"\777", b"\xff"),                      # octal above 255 keeps the low byte
    (r"\n\t\r\b\f\a\v", b"\n\t\r\b\f\x07\x0b"),
    (r"\q\"\\", b'q"\\'),                    # any other character is itself
    ("ends\\", b"ends\\"),                   # a backslash at the very end stays
    ("\xe9\\x41", b"\xe9A"),                 # latin-1 text, one byte per character
    (r"\xfF\xA0", b"\xff\xa0"),
])
def test_unescape(body, expect):
    assert unescape(body) == expect


def test_shipped_parser_tables_are_current():
    from broscript import parser
    from broscript.grammar import tables
    assert tables.KEY == parser.tables_key(), \
        "grammar/bro.lark changed: run python tools/make_parse_tables.py"
    # and they are what the parser runs on (test_parser_driver.py checks
    # that every library and golden file parses as Lark's own tables say)
    assert parser._built_tables() is tables.DATA


def test_a_start_without_script_cache_does_not_load_lark(tmp_path):
    f = tmp_path / "a.bro"
    f.write_text("global x: table[count] of string = { [1] = \"a\" } &redef;\n")
    code = ("import sys\nfrom broscript import cli\n"
            f"rc = cli.main(['--parse-only', {str(f)!r}])\n"
            "print(rc, 'lark' in sys.modules)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=broscript_env(), cwd=tmp_path)
    assert (proc.stdout, proc.stderr) == ("0 False\n", "")


def canonical(data):
    """LALR tables with their states numbered in the order a walk from the
    start states meets them (symbols in name order) and each reduction
    written as its rule: two analyses of one grammar give equal results
    (Lark numbers states differently from run to run)."""
    actions, gotos, rules, start, end, names = data
    order = {}
    todo = [start[k] for k in sorted(start)]
    while todo:
        st = todo.pop(0)
        if st in order:
            continue
        order[st] = len(order)
        todo += [a for _, a in sorted(actions[st].items()) if isinstance(a, int) and a >= 0]
        todo += [g for _, g in sorted(gotos[st].items())]

    def act(a):
        if isinstance(a, int):
            return ("shift", order[a]) if a >= 0 else ("reduce", rules[~a])
        return ("pass", a)
    states = {order[st]: ({t: act(a) for t, a in actions[st].items()},
                          {n: order[g] for n, g in gotos[st].items()})
              for st in order}
    return (states, {k: order[v] for k, v in start.items()},
            {k: order[v] for k, v in end.items()}, names, len(actions))


def test_shipped_parser_tables_are_lark_s():
    from broscript import lalr, parser
    from broscript.grammar import tables
    assert canonical(tables.DATA) == canonical(lalr.analyse(parser.lark_parser()))
