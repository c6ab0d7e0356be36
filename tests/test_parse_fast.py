"""The fast cold parse (issue 12 item 3) changes nothing a user sees:
the stretch-at-a-time scanner of lexer.py hands out the tokens, doc
comments and messages a one-token-at-a-time scan gave, in the same order
relative to what the loader does between tokens; string escapes decode as
before; `--parse-only` reports, never fails inside broscript."""
from __future__ import annotations

import subprocess
import sys

import pytest

from broscript import cache, parseonly
from broscript.errors import BroError
from broscript.lexer import Lexer
from broscript.literals import unescape
from broscript.parser import terminal_names
from conftest import BRO_SCRIPTS, REPO, broscript_env


class Watch:
    """Lexer hooks that note each call with the number of tokens taken by
    then, and take every @if as true."""

    def __init__(self):
        self.taken = []
        self.calls = []

    def note(self, *what):
        self.calls.append((len(self.taken),) + what)

    def load(self, name, frame, line, lexer=None):
        self.note("load", name, line)

    def unload(self, name, frame, line=None):
        self.note("unload", name, line)

    def load_sigs(self, name, frame, line):
        self.note("load-sigs", name, line)

    def prefixes(self, text):
        self.note("prefixes", text)

    def deprecated(self, frame, line, text):
        self.note("deprecated", line, text)

    def file_entered(self, frame):
        self.note("entered", frame.name)

    def file_left(self, frame):
        self.note("left", frame.name)

    def ifdef(self, name, frame):
        self.note("ifdef", name)
        return True

    def eval_if(self, text, frame, line):
        self.note("if", text, line)
        return True


def take_all(lx, watch):
    """Take tokens one at a time as the loader does; each as (type, value,
    line, docs, `##<` lines when taken), and the `##<` lines its
    predecessor had by the time it came."""
    out = []
    while True:
        try:
            tok = lx.next_token()
        except BroError as e:
            out.append(("error", e.render()))
            return out
        before = watch.taken[-1] if watch.taken else None
        out.append(("post", tuple(before.post_docs or ()) if before is not None else ()))
        if tok is None:
            return out
        watch.taken.append(tok)
        out.append((tok.type, tok.value, tok.line & 0xFFFFF, tuple(tok.docs or ()),
                    tuple(tok.post_docs or ())))


def test_what_follows_a_token_happens_once_it_is_taken():
    # Bro's scanner reads as the parser asks: a `##<` line adds to a
    # declaration only after its last token was taken (the loader may be
    # parsing it by then), a directive runs once everything before it has
    # run, an error comes after the tokens before it
    text = ('global a: count; ##< after a\n@load x\nglobal b = |v| / 2; ##< after b\n'
            '@if ( T )\nprint 1;\n@endif\n@deprecated "old"\nglobal c = 1 ` 2;\n')
    watch = Watch()
    lx = Lexer(terminal_names(), watch)
    lx.push_file("./w.bro", text, None)
    got = take_all(lx, watch)
    semi = [i for i, t in enumerate(watch.taken) if t.value == ";"]
    # the `;` of `global a` had no `##<` when it was taken, and had it when
    # the next token was asked for
    assert got[2 * semi[0] + 1] == ("SEMICOLON", ";", 1, (), ())
    assert got[2 * semi[0] + 2] == ("post", (" after a",))
    assert [c for c in watch.calls if c[1] != "entered"] == [
        (semi[0] + 1, "load", "x", 2),
        (semi[1] + 1, "if", " T ", 4),
        (semi[2] + 1, "deprecated", 7, '"old"'),
    ]
    # |v| / 2 divides
    assert [t.type for t in watch.taken[semi[1] - 5:semi[1]]] == [
        "ABS_OPEN", "NAME", "ABS_CLOSE", "SLASH", "COUNT_LIT"]
    assert got[-1] == ("error", "error in ./w.bro, line 8: unrecognized character - `")
    assert [t.value for t in watch.taken[-4:]] == ["global", "c", "=", "1"]


def library_and_goldens():
    files = sorted(BRO_SCRIPTS.rglob("*.bro"))
    files += sorted((REPO / "tests" / "golden").rglob("*.bro"))
    assert len(files) > 600
    return files


def test_live_and_replayed_scans_agree_for_every_library_and_golden_file():
    # a replayed scan (the script cache) hands out one recorded token at a
    # time; a live one scans a stretch at a time: the same tokens, doc
    # comments, hook calls and errors must come out, in the same order
    old_share, old_disk = cache.share(True), cache.enabled()
    cache.enable(False)
    try:
        for path in library_and_goldens():
            text = path.read_bytes().decode("latin-1")
            runs = []
            for _ in range(2):
                watch = Watch()
                lx = Lexer(terminal_names(), watch)
                lx.push_file(str(path), text, None)
                runs.append((take_all(lx, watch), watch.calls))
            cache.forget_memory()
            assert runs[0] == runs[1], path
    finally:
        cache.share(old_share)
        cache.enable(old_disk)
        cache.forget_memory()


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
