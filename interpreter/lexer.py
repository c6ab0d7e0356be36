"""Bro's scanner: source text -> tokens for the Lark parser.

What it does that a plain lexer cannot (language.md §1):
  * directives are handled while reading: `@load` splices another file's
    tokens in, `@if`/`@ifdef`/`@ifndef` ask the loader to evaluate their
    condition *now* (everything before them has already run) and skip the
    false branch as raw, never-lexed text;
  * `/` starts a pattern literal only where an expression may start;
  * `|` is the size operator's bar or bitwise or, decided as parse.y's
    `%prec '('` decides it (see `_bar_kind`);
  * `##`, `##<`, `##!` doc comments are kept on the tokens they document.

Files are read as latin-1 so that one character is one byte: Bro strings are
bytes and identifiers are ASCII.
"""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional

from . import cache
from .errors import BroSyntaxError, BroError, Loc, file_id, LINE_BITS, LINE_MASK


class BroToken(str):
    """A token: its text (as str), Lark terminal name `type`, `value`, `line`
    (file id and line, errors.LINE_BITS), and the doc comments it carries
    (`##` before, `##<` after).  Not a Lark Token: the parser driver reads
    only these fields, and a plain str subclass is much cheaper to make."""
    __slots__ = ("type", "value", "line", "docs", "post_docs")

    def __new__(cls, type_, value, line, column=0):
        tok = str.__new__(cls, value)
        tok.type = type_
        tok.value = value
        tok.line = line
        tok.docs = None
        tok.post_docs = None
        return tok

    @property
    def end_line(self):
        return self.line

    def __repr__(self):
        return f"Token({self.type!r}, {self.value!r})"


KEYWORDS = (
    "add addr any as bool break case const copy count counter default delete "
    "double else enum event export fallthrough file for function global hook if "
    "in int interval is list local module next of opaque option pattern port "
    "print record redef return schedule set string subnet switch table time "
    "timeout timer type union vector when while").split()

ATTRS = ("add_func create_expire default delete_func deprecated error_handler "
         "expire_func log optional priority raw_output read_expire redef "
         "type_column write_expire encrypt mergeable persistent rotate_interval "
         "rotate_size synchronized").split()

PUNCT = ["...", "?$", "++", "--", "+=", "-=", "==", "!=", "<=", ">=", "&&", "||",
         "(", ")", "[", "]", "{", "}", ",", ";", ":", "=", "+", "-", "*", "/",
         "%", "!", "~", "&", "^", "<", ">", "?", "$"]

_ID = r"[A-Za-z_][A-Za-z_0-9]*"
_EXP = r"(?:[eE][-+]?[0-9]+)"
_FLOAT = rf"(?:[0-9]+\.[0-9]*{_EXP}?|\.[0-9]+{_EXP}?|[0-9]+{_EXP})"
_V4 = r"[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+"
_V6 = r"\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]"

TOKEN_RE = re.compile("|".join([
    r"(?P<ws>[ \t\r\f\v\n]+)",
    r"(?P<doc_summary>##![^\n]*)",
    r"(?P<doc_post>##<[^\n]*)",
    r"(?P<doc>##(?!#)[^\n]*)",
    r"(?P<comment>#[^\n]*)",
    r"(?P<directive>@(?:load-sigs|load-plugin|load|unload|prefixes|ifdef|ifndef|if|else|endif|DIR|FILENAME|deprecated|DEBUG)(?![A-Za-z0-9_-]))",
    r'(?P<string>"(?:[^"\\\n]|\\.)*")',
    r"(?P<attr>&(?:" + "|".join(sorted(ATTRS, key=len, reverse=True)) + r"))",
    rf"(?P<subnet6>{_V6}[ \t]*/[ \t]*[0-9]+)",
    rf"(?P<addr6>{_V6})",
    r"(?P<port>[0-9]+/(?:tcp|udp|icmp|unknown)(?![A-Za-z0-9_]))",
    rf"(?P<subnet4>{_V4}[ \t]*/[ \t]*[0-9]+)",
    rf"(?P<addr4>{_V4})",
    rf"(?P<interval>(?:{_FLOAT}|[0-9]+)[ \t]*(?:usec|msec|sec|min|hr|day)s?(?![A-Za-z0-9_]))",
    rf"(?P<double>{_FLOAT})",
    r"(?P<hex>0x[0-9A-Fa-f]+)",
    r"(?P<count>[0-9]+)",
    r"(?P<hostname>[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+)",
    rf"(?P<name>{_ID}(?:::{_ID})*)",
    r"(?P<not_in>!\s*in(?![A-Za-z0-9_]))",
    "(?P<punct>" + "|".join(re.escape(p) for p in PUNCT) + ")",
]))

# Attributes that later Zeek versions added; Bro 2.6 has none of them.
NEWER_ATTR_RE = re.compile(r"&(on_change|backend|broker_store|broker_allow_complex_type|"
                           r"is_assigned|is_used|ordered|default_insert|group)(?![A-Za-z0-9_])")

PATTERN_RE = re.compile(r"/((?:[^/\\\n]|\\.)+)/(i?)")

LITERAL_KINDS = {
    "string": "STRING_LIT", "subnet6": "SUBNET_LIT", "subnet4": "SUBNET_LIT",
    "addr6": "ADDR_LIT", "addr4": "ADDR_LIT", "port": "PORT_LIT",
    "interval": "INTERVAL_LIT", "double": "DOUBLE_LIT", "hex": "COUNT_LIT",
    "count": "COUNT_LIT", "hostname": "HOSTNAME_LIT",
}

# Tokens after which an operand has ended: here `/` is division and `|` is
# bitwise or or a closing bar.  Everywhere else an expression may start.
OPERAND_END = {"NAME", "RPAR", "RSQB", "ABS_CLOSE", "STRING_LIT", "SUBNET_LIT",
               "ADDR_LIT", "PORT_LIT", "INTERVAL_LIT", "DOUBLE_LIT", "COUNT_LIT",
               "HOSTNAME_LIT", "BOOL_LIT", "PATTERN_LIT"}
TYPE_KEYWORDS = {"bool", "int", "count", "counter", "double", "time", "interval",
                 "string", "pattern", "port", "addr", "subnet", "any", "timer"}

# parse.y gives `'|' expr '|'` the precedence of '(': after `|x|`, a token that
# could either continue the expression or start a new operand closes the bar.
# `/` is one of them (division, or the start of a pattern after a `|` that is
# an or): `|v| / (a / b)` divides.
CLOSE_BEFORE = {"+", "-", "|", "[", "(", "$", "/"}


# the items of a recorded scan (Lexer._replay)
DOC, POST, SUMMARY, TOK, LOAD, UNLOAD, DEPRECATED, LIVE, END, PREFIXES, SIGS = range(11)
RECORDABLE = {"@load", "@load-sigs", "@load-plugin", "@unload", "@prefixes",
              "@deprecated", "@DEBUG"}
_NEXT = object()

# file id -> the text the loader last read under that name: the script
# cache (parser.parse_tokens) files a declaration's AST under it.  Code
# given on the command line changes from run to run: not worth an entry.
file_texts: dict = {}
file_keys: dict = {}        # file id -> (text, its cache key)
UNCACHED = {"<command line>", "<params>", "<stdin>"}


class TerminalNames:
    """Maps keyword and punctuation text to the Lark terminal names."""

    def __init__(self, by_text: dict):
        self.by_text = dict(by_text)

    def __getitem__(self, text):
        return self.by_text[text]


class Frame:
    """One file being scanned."""

    def __init__(self, name: str, text: str, path: Optional[str]):
        self.name = name            # as shown in messages
        self.path = path            # for relative @load
        self.text = text
        self.pos = 0
        self.line = 1
        self.fid = file_id(name)
        self.if_stack: list[str] = []   # "true" | "else" per open @if
        self.summary: list[str] = []
        self.key = None             # cache key of the text (cache.file_key)
        self.replay = None          # recorded scan being replayed (see Replay)
        self.ri = 0
        self.record = None          # the scan being recorded, if it is


class Lexer:
    """Produces BroTokens from a stack of files.

    `hooks` is the loader: `hooks.load(name, frame) -> (display, text, path) or
    None`, `hooks.eval_if(tokens) -> bool`, `hooks.ifdef(name) -> bool`,
    `hooks.file_entered(frame)`, `hooks.file_left(frame)`, `hooks.unload(name,
    frame, line)`, `hooks.deprecated(frame, line, text)`, `hooks.prefixes(text)`,
    `hooks.load_sigs(name, frame, line)`.  With `hooks=None` (parse-only
    mode) @load is ignored and every @if branch is read.
    """

    def __init__(self, names: TerminalNames, hooks=None):
        self.names = names
        self.hooks = hooks
        self.frames: list[Frame] = []
        self.prev_type: Optional[str] = None
        self.prev_tok: Optional[BroToken] = None
        self.abs_depth: list[int] = [0]     # open `|` per bracket level
        self.pending_docs: list[str] = []
        self.lookahead: list = []
        by_text = names.by_text
        self._kw_type = {k: by_text[k] for k in KEYWORDS}
        self._punct_type = {p: by_text[p] for p in PUNCT if p in by_text}
        self._open = {by_text["("], by_text["["], by_text["{"]}
        self._close = {by_text[")"], by_text["]"], by_text["}"]}

    # ------------------------------------------------------------ files
    def push_file(self, name: str, text: str, path: Optional[str]):
        frame = Frame(name, text, path)
        if self.hooks is not None and name not in UNCACHED:
            file_texts[frame.fid] = text
            if cache.active():
                frame.key = cache.file_key(text)
                file_keys[frame.fid] = (text, frame.key)
                frame.replay = cache.scan_of(frame.key)
                if frame.replay is None:
                    frame.record = []
        self.frames.append(frame)
        if self.hooks:
            self.hooks.file_entered(frame)
        return frame

    def loc(self, frame: Frame, line: Optional[int] = None) -> Loc:
        return Loc(frame.name, frame.line if line is None else line)

    def _tok(self, frame: Frame, type_: str, value, line: int) -> BroToken:
        tok = BroToken(type_, value, (frame.fid << LINE_BITS) | line)
        if self.pending_docs:
            tok.docs = self.pending_docs
            self.pending_docs = []
        return tok

    def _doc(self, frame: Frame, kind: int, text: str):
        """A `##` (kept for the next token), `##<` (for the one before) or
        `##!` (the file's summary) comment."""
        if frame.record is not None:
            frame.record.append((kind, text))
        if kind == DOC:
            self.pending_docs.append(text)
        elif kind == POST:
            if self.prev_tok is not None:
                if self.prev_tok.post_docs is None:
                    self.prev_tok.post_docs = []
                self.prev_tok.post_docs.append(text)
        else:
            frame.summary.append(text)

    # ------------------------------------------------------------ recorded scans
    # With the script cache on, the loader's scan of a file is recorded as it
    # happens: each token (kind, text, line, where it starts) and each thing
    # the scan did besides (doc comments, @load, @unload, @deprecated).  The
    # next time the same text is read (another node of a --simulate run, or
    # a later run) the record is replayed instead: the same calls in the same
    # order, without the regular expressions.  Only two things a scan does
    # depend on more than the text, and replay checks both: whether a `/`
    # may start a pattern (the token before it may be another file's, after
    # an @load), checked at every `/`; and `@if`-family and @DIR/@FILENAME
    # directives, where the record ends and the scan goes on live.
    def _recorded(self, frame: Frame):
        cache.store_scan(frame.key, frame.record)
        frame.record = None

    def _replay(self, frame: Frame, expr_start: Optional[bool]):
        items = frame.replay
        i = frame.ri
        while True:
            it = items[i]
            i += 1
            kind = it[0]
            if kind == TOK:
                slash = it[5]
                if slash is not None:
                    ok = (self.prev_type not in OPERAND_END) if expr_start is None else expr_start
                    if ok != slash:
                        # a `/` read the other way than when recorded
                        frame.replay = None
                        frame.pos = it[4]
                        frame.line = it[3]
                        return _NEXT
                frame.ri = i
                tok = BroToken(it[1], it[2], (frame.fid << LINE_BITS) | it[3])
                if self.pending_docs:
                    tok.docs = self.pending_docs
                    self.pending_docs = []
                return tok
            if kind <= SUMMARY:
                self._doc(frame, kind, it[1])
                continue
            frame.ri = i
            if kind == LOAD:
                frame.line = it[2]
                self.hooks.load(it[1], frame, it[2], self)
                return _NEXT
            if kind == UNLOAD:
                self.hooks.unload(it[1], frame, it[2])
                continue
            if kind == DEPRECATED:
                self.hooks.deprecated(frame, it[2], it[1])
                continue
            if kind == PREFIXES:
                self.hooks.prefixes(it[1])
                continue
            if kind == SIGS:
                self.hooks.load_sigs(it[1], frame, it[2])
                continue
            frame.replay = None
            if kind == LIVE:
                frame.pos, frame.line = it[1], it[2]
            else:  # END
                frame.pos, frame.line = len(frame.text), it[1]
            return _NEXT

    # ------------------------------------------------------------ main loop
    def tokens(self) -> Iterator[BroToken]:
        while True:
            tok = self.next_token()
            if tok is None:
                return
            yield tok

    def next_token(self):
        tok = self.lookahead.pop(0) if self.lookahead else self._scan()
        if tok is None or tok.__class__ is tuple:
            return tok
        t = tok.type
        if t in self._open:
            self.abs_depth.append(0)
        elif t in self._close:
            if len(self.abs_depth) > 1:
                self.abs_depth.pop()
        elif t == "BAR":
            self._classify(tok)
            t = tok.type
        # a type keyword ends an operand too: `x as count / 2`
        self.prev_type = "NAME" if tok.value in TYPE_KEYWORDS else t
        self.prev_tok = tok
        return tok

    def _classify(self, tok: BroToken) -> BroToken:
        """Decide what a `|` is (next_token keeps the bracket stack for it)."""
        if self.prev_type not in OPERAND_END:
            self.abs_depth[-1] += 1
            tok.type = "ABS_OPEN"
        elif self.abs_depth[-1] and self._bar_closes():
            self.abs_depth[-1] -= 1
            tok.type = "ABS_CLOSE"
        else:
            tok.type = "BOR"
        return tok

    def _bar_closes(self) -> bool:
        # scanned as after an operand, so that a `/` is itself, not a pattern
        nxt = self._scan(expr_start=False)
        if nxt is None or isinstance(nxt, tuple):
            if nxt is not None:
                self.lookahead.append(nxt)
            return True
        self.lookahead.append(nxt)
        if nxt.type in ("BAR",) or nxt.value in CLOSE_BEFORE:
            return True
        return not self._starts_expr(nxt)

    def _starts_expr(self, tok) -> bool:
        if tok.type in OPERAND_END and tok.type not in ("RPAR", "RSQB", "ABS_CLOSE"):
            return True
        return tok.value in ("(", "[", "!", "~", "-", "+", "++", "--", "$", "copy",
                             "record", "table", "set", "vector", "function",
                             "schedule", "hook")

    def _scan(self, expr_start: Optional[bool] = None):
        """Scan the next raw token, handling whitespace, comments, directives."""
        frames = self.frames
        while frames:
            frame = frames[-1]
            if frame.replay is not None:
                tok = self._replay(frame, expr_start)
            else:
                tok = self._scan_frame(frame, expr_start)
                if tok is not _NEXT and frame.record is not None:
                    start = self._start
                    frame.record.append((
                        TOK, tok.type, tok.value, tok.line & LINE_MASK, start,
                        self._start_ok if frame.text[start] == "/" else None))
            if tok is not _NEXT:
                return tok
        return None

    def _scan_frame(self, frame: Frame, expr_start: Optional[bool]):
        """The next token of the top file, or _NEXT when the file stack changed."""
        text = frame.text
        while True:
            if frame.pos >= len(text):
                if frame.if_stack:
                    raise BroSyntaxError("missing @endif", self.loc(frame))
                if frame.record is not None:
                    frame.record.append((END, frame.line))
                    self._recorded(frame)
                self.frames.pop()
                if self.hooks:
                    self.hooks.file_left(frame)
                return _NEXT
            if expr_start is None:
                start_ok = self.prev_type not in OPERAND_END
            else:
                start_ok = expr_start
            self._start = frame.pos
            self._start_ok = start_ok
            if start_ok and text[frame.pos] == "/":
                m = PATTERN_RE.match(text, frame.pos)
                if m:
                    frame.pos = m.end()
                    return self._tok(frame, "PATTERN_LIT", (m.group(1), bool(m.group(2))), frame.line)
            m = TOKEN_RE.match(text, frame.pos)
            if m is not None:
                # the common kinds first, with the token made in line
                kind = m.lastgroup
                if kind == "name":
                    val = m.group(kind)
                    frame.pos = m.end()
                    type_ = self._kw_type.get(val, "NAME")
                    if val == "T" or val == "F":
                        type_ = "BOOL_LIT"
                    tok = BroToken(type_, val, (frame.fid << LINE_BITS) | frame.line)
                    if self.pending_docs:
                        tok.docs = self.pending_docs
                        self.pending_docs = []
                    return tok
                if kind == "ws":
                    frame.pos = m.end()
                    frame.line += m.group(kind).count("\n")
                    continue
                if kind == "punct":
                    val = m.group(kind)
                    if val != "&" and val != "|":
                        frame.pos = m.end()
                        tok = BroToken(self._punct_type[val], val, (frame.fid << LINE_BITS) | frame.line)
                        if self.pending_docs:
                            tok.docs = self.pending_docs
                            self.pending_docs = []
                        return tok
            else:
                ch = text[frame.pos]
                if ch == "|":
                    frame.pos += 1
                    return self._tok(frame, "BAR", "|", frame.line)
                if ch == "/" and start_ok:
                    raise BroSyntaxError(f'syntax error, at or near "{ch}"', self.loc(frame))

                raise BroSyntaxError(f'unrecognized character - {ch}', self.loc(frame))
            kind = m.lastgroup
            val = m.group(kind)
            line = frame.line
            if kind == "comment":
                frame.pos = m.end()
                continue
            if kind == "doc":
                frame.pos = m.end()
                self._doc(frame, DOC, val[2:])
                continue
            if kind == "doc_post":
                frame.pos = m.end()
                self._doc(frame, POST, val[3:])
                continue
            if kind == "doc_summary":
                frame.pos = m.end()
                self._doc(frame, SUMMARY, val[3:])
                continue
            if kind == "directive":
                if frame.record is not None and val not in RECORDABLE:
                    # what follows depends on more than the text: the rest
                    # of this file is scanned anew on every run
                    frame.record.append((LIVE, m.start(), line))
                    self._recorded(frame)
                frame.pos = m.end()
                result = self._directive(frame, val, line)
                if result is not None:
                    return result
                if self.frames[-1] is not frame:
                    return _NEXT
                continue
            frame.pos = m.end()
            if kind == "name":
                if val in ("T", "F"):
                    return self._tok(frame, "BOOL_LIT", val, line)
                if val in KEYWORDS:
                    return self._tok(frame, self.names[val], val, line)
                return self._tok(frame, "NAME", val, line)
            if kind == "punct":
                if val == "&":
                    m2 = NEWER_ATTR_RE.match(text, m.start())
                    if m2:
                        raise BroSyntaxError(f"not supported by broscript: attribute {m2.group(0)} "
                                             "(newer than Bro 2.6)", Loc(frame.name, line))
                if val == "|":
                    return self._tok(frame, "BAR", val, line)
                return self._tok(frame, self.names[val], val, line)
            if kind == "not_in":
                frame.line += val.count("\n")
                return self._tok(frame, "NOT_IN", "!in", line)
            if kind == "attr":
                return self._tok(frame, "ATTR", val, line)
            if kind == "addr6" or kind == "subnet6":
                if not _valid_v6(val):
                    # not an address after all (`t[a:b]`): rescan as `[`
                    frame.pos = m.start() + 1
                    return self._tok(frame, self.names["["], "[", line)
            return self._tok(frame, LITERAL_KINDS[kind], val, line)

    # ------------------------------------------------------------ directives
    def _rest_of_line(self, frame: Frame) -> str:
        end = frame.text.find("\n", frame.pos)
        if end < 0:
            end = len(frame.text)
        s = frame.text[frame.pos:end]
        frame.pos = end
        return s

    def _paren_text(self, frame: Frame, what: str) -> str:
        text = frame.text
        i = frame.pos
        while i < len(text) and text[i] in " \t":
            i += 1
        if i >= len(text) or text[i] != "(":
            raise BroSyntaxError(f"syntax error, at or near \"{what}\"", self.loc(frame))
        depth = 0
        j = i
        in_str = False
        while j < len(text):
            c = text[j]
            if in_str:
                if c == "\\":
                    j += 1
                elif c == '"':
                    in_str = False
            elif c == '"':
                in_str = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c == "\n":
                frame.line += 1
            j += 1
        inner = text[i + 1:j]
        frame.pos = j + 1
        return inner

    def _directive(self, frame: Frame, d: str, line: int):
        if d in ("@load", "@load-sigs", "@load-plugin", "@unload", "@prefixes"):
            arg = self._rest_of_line(frame).strip().split()
            if d == "@load" and arg and self.hooks:
                if frame.record is not None:
                    frame.record.append((LOAD, arg[0], line))
                self.hooks.load(arg[0], frame, line, self)
            elif d == "@unload" and arg and self.hooks:
                if frame.record is not None:
                    frame.record.append((UNLOAD, arg[0], line))
                self.hooks.unload(arg[0], frame, line)
            elif d == "@prefixes" and arg and self.hooks:
                text = " ".join(arg)
                if frame.record is not None:
                    frame.record.append((PREFIXES, text))
                self.hooks.prefixes(text)
            elif d == "@load-sigs" and arg and self.hooks:
                if frame.record is not None:
                    frame.record.append((SIGS, arg[0], line))
                self.hooks.load_sigs(arg[0], frame, line)
            return None
        if d == "@DIR":
            return self._tok(frame, "STRING_LIT", '"' + self._dir_of(frame) + '"', line)
        if d == "@FILENAME":
            base = frame.name.rsplit("/", 1)[-1]
            return self._tok(frame, "STRING_LIT", '"' + base + '"', line)
        if d == "@deprecated":
            rest = self._rest_of_line(frame).strip()
            if self.hooks:
                if frame.record is not None:
                    frame.record.append((DEPRECATED, rest, line))
                self.hooks.deprecated(frame, line, rest)
            return None
        if d == "@DEBUG":
            return None
        if d in ("@if", "@ifdef", "@ifndef"):
            inner = self._paren_text(frame, d)
            if self.hooks is None:
                cond = True
            elif d == "@if":
                cond = self.hooks.eval_if(inner, frame, line)
            else:
                cond = self.hooks.ifdef(inner.strip(), frame)
                if d == "@ifndef":
                    cond = not cond
            frame.if_stack.append("if")
            if not cond:
                if self._skip(frame) == "@endif":
                    frame.if_stack.pop()
                else:
                    frame.if_stack[-1] = "else"
            return None
        if d == "@else":
            if not frame.if_stack:
                raise BroSyntaxError("@else without @if...", self.loc(frame, line))
            if self.hooks is None:
                # parse-only reads both branches
                frame.if_stack[-1] = "else"
                return None
            self._skip(frame, else_ok=False)
            frame.if_stack.pop()
            return None
        if d == "@endif":
            if not frame.if_stack:
                raise BroSyntaxError("unbalanced @if... @endif", self.loc(frame, line))
            frame.if_stack.pop()
            return None
        return None

    def _skip(self, frame: Frame, else_ok: bool = True) -> str:
        """Skip raw text to the matching @else/@endif; return which one ended it."""
        text = frame.text
        depth = 0
        pat = re.compile(r"@(ifdef|ifndef|if|else|endif)(?![A-Za-z0-9_-])|\n|#[^\n]*")
        while True:
            m = pat.search(text, frame.pos)
            if not m:
                frame.pos = len(text)
                raise BroSyntaxError("missing @endif", self.loc(frame))
            frame.pos = m.end()
            tok = m.group(0)
            if tok == "\n":
                frame.line += 1
            elif tok.startswith("#"):
                continue
            elif tok in ("@if", "@ifdef", "@ifndef"):
                depth += 1
            elif tok == "@endif":
                if depth == 0:
                    return "@endif"
                depth -= 1
            elif tok == "@else" and depth == 0 and else_ok:
                return "@else"

    def _dir_of(self, frame: Frame) -> str:
        import os
        d = os.path.dirname(frame.name) or "."
        if d.startswith("."):
            d = os.getcwd() + "/" + d
        return d


def _valid_v6(text: str) -> bool:
    from .runtime.addrs import parse_addr
    inner = text[1:text.index("]")]
    try:
        parse_addr(inner)
    except (ValueError, IndexError):
        return False
    return True
