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

# One regular expression for every token, tried in this order (the first
# alternative that matches wins, so an earlier one shadows a later one that
# matches the same text: `1.2.3.4` is an address, not a double).  Spaces and
# tabs after a token are part of its match, so that most tokens cost one
# match (`ws` is only where a scan starts); a run of whitespace that holds a
# line break (`nl`) is counted for the line numbers.  An alternative may
# move ahead of the ones that cannot match text starting as it does: line
# breaks and names come first.  `pattern` is taken only where an expression
# may start (else it is `/`, division); `bad` is any other character (`|`
# is one: the scanner decides what it is, see `_bar`).
TOKEN_RE = re.compile("(?:" + "|".join([
    r"(?P<nl>[\n\r\f\v][ \t\r\f\v\n]*)",
    # digits never get here (count comes first below): a hostname starts
    # with a letter; the possessive run cannot hold a `.` anyway
    r"(?P<hostname>[A-Za-z_][A-Za-z0-9_-]*+(?:\.[A-Za-z0-9_-]+)+)",
    rf"(?P<name>{_ID}(?:::{_ID})*)",
    r"(?P<doc_summary>##![^\n]*)",
    r"(?P<doc_post>##<[^\n]*)",
    r"(?P<doc>##(?!#)[^\n]*)",
    r"(?P<comment>#[^\n]*)",
    r'(?P<string>"(?:[^"\\\n]|\\.)*")',
    r"(?P<attr>&(?:" + "|".join(sorted(ATTRS, key=len, reverse=True)) + r"))",
    rf"(?P<subnet6>{_V6}[ \t]*/[ \t]*[0-9]+)",
    rf"(?P<addr6>{_V6})",
    r"(?P<not_in>!\s*in(?![A-Za-z0-9_]))",
    r"(?P<pattern>/(?:[^/\\\n]|\\.)+/i?)",
    "(?P<punct>" + "|".join(re.escape(p) for p in PUNCT) + ")",
    r"(?P<directive>@(?:load-sigs|load-plugin|load|unload|prefixes|ifdef|ifndef|if|else|endif|DIR|FILENAME|deprecated|DEBUG)(?![A-Za-z0-9_-]))",
    r"(?P<port>[0-9]+/(?:tcp|udp|icmp|unknown)(?![A-Za-z0-9_]))",
    rf"(?P<subnet4>{_V4}[ \t]*/[ \t]*[0-9]+)",
    rf"(?P<addr4>{_V4})",
    rf"(?P<interval>(?:{_FLOAT}|[0-9]+)[ \t]*(?:usec|msec|sec|min|hr|day)s?(?![A-Za-z0-9_]))",
    rf"(?P<double>{_FLOAT})",
    r"(?P<hex>0x[0-9A-Fa-f]+)",
    r"(?P<count>[0-9]+)",
    r"(?P<ws>[ \t]+)",
    r"(?P<bad>[^\n])",
]) + r")[ \t]*")

# Attributes that later Zeek versions added; Bro 2.6 has none of them.
NEWER_ATTR_RE = re.compile(r"&(on_change|backend|broker_store|broker_allow_complex_type|"
                           r"is_assigned|is_used|ordered|default_insert|group)(?![A-Za-z0-9_])")

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
    """Maps keyword and punctuation text to the Lark terminal names, and
    keeps the tables the scanner derives from them (a Lexer is made for
    every declaration read on first use: deferred.py)."""

    def __init__(self, by_text: dict):
        self.by_text = dict(by_text)
        self.name_type = {k: by_text[k] for k in KEYWORDS}
        self.name_type.update(T="BOOL_LIT", F="BOOL_LIT")
        self.punct_type = {p: by_text[p] for p in PUNCT}
        self.open = {by_text["("], by_text["["], by_text["{"]}
        self.close = {by_text[")"], by_text["]"], by_text["}"]}
        self.brackets = self.open | self.close | {"BAR"}

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
        self.bar: Optional[BroToken] = None     # a `|` waiting for the next token
        self.buf: list = []         # tokens scanned, handed out from bi on
        self.bi = 0
        self._name_type = names.name_type
        self._punct_type = names.punct_type
        self._open = names.open
        self._close = names.close
        self._brackets = names.brackets

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
    # Tokens are scanned a stretch at a time (`_chunk`) into `buf` and handed
    # out from there.  A stretch ends before anything whose effect the
    # consumer may see: a directive (it may run scripts or ask the loader
    # about what ran so far), a `##<` comment (it adds to the token before
    # it, which may be parsed already), a lexical error, the end of a file.
    # That thing is done once every token before it has been taken, exactly
    # when a scan of one token at a time would do it.
    def tokens(self) -> Iterator[BroToken]:
        """All the tokens, for a caller that takes them all (`list(...)`):
        a stretch already scanned is handed over whole."""
        while True:
            buf, i = self.buf, self.bi
            if i < len(buf):
                self.bi = len(buf)
                yield from buf[i:] if i else buf
                continue
            tok = self._refill()
            if tok is None:
                return
            yield tok

    def next_token(self):
        i = self.bi
        if i < len(self.buf):
            self.bi = i + 1
            return self.buf[i]
        return self._refill()

    def _refill(self):
        """The next token, scanning on; `buf` keeps those scanned after it."""
        out: list = []
        frames = self.frames
        while not out:
            if not frames:
                if self.bar is None:
                    self.buf, self.bi = out, 0
                    return None
                self._accept(None, out)     # a `|` at the very end closes
                break
            frame = frames[-1]
            if frame.replay is None:
                self._chunk(frame, out)
                continue
            tok = self._replay(frame, False if self.bar is not None else None)
            if tok is not _NEXT:
                self._accept(tok, out)
        self.buf, self.bi = out, 1
        return out[0]

    def _accept(self, tok, out: list):
        """Pass on a token scanned on its own (replayed, @DIR, or one that
        ends a stretch): what `_chunk` does in line for its tokens.  `tok`
        None is the end of the input."""
        bar = self.bar
        if bar is not None:
            self.bar = None
            self._settle(bar, tok)
            out.append(bar)
            self.prev_tok, self.prev_type = bar, bar.type
        if tok is None:
            return
        t = tok.type
        if t in self._open:
            self.abs_depth.append(0)
        elif t in self._close:
            if len(self.abs_depth) > 1:
                self.abs_depth.pop()
        elif t == "BAR" and self._bar(tok, self.prev_type):
            return
        self.prev_tok, self.prev_type = tok, _prev_type(tok)
        out.append(tok)

    def _bar(self, tok: BroToken, prev_type) -> bool:
        """Decide what a `|` is, as parse.y's `%prec '('` decides it: True
        when that waits for the token after it (`_settle`)."""
        depth = self.abs_depth
        if prev_type not in OPERAND_END:
            depth[-1] += 1
            tok.type = "ABS_OPEN"
        elif depth[-1]:
            self.bar = tok
            return True
        else:
            tok.type = "BOR"
        return False

    def _settle(self, bar: BroToken, nxt):
        """A `|` after an operand, inside `|...|`: it closes the bar unless
        `nxt` (scanned as after an operand, so that a `/` is itself, not a
        pattern) can only continue an expression."""
        if nxt is None or nxt.type == "BAR" or nxt.value in CLOSE_BEFORE \
                or not self._starts_expr(nxt):
            self.abs_depth[-1] -= 1
            bar.type = "ABS_CLOSE"
        else:
            bar.type = "BOR"

    def _starts_expr(self, tok) -> bool:
        if tok.type in OPERAND_END and tok.type not in ("RPAR", "RSQB", "ABS_CLOSE"):
            return True
        return tok.value in ("(", "[", "!", "~", "-", "+", "++", "--", "$", "copy",
                             "record", "table", "set", "vector", "function",
                             "schedule", "hook")

    def _start_ok(self) -> bool:
        """Whether an expression may start here (a `/` starts a pattern)."""
        return self.bar is None and self.prev_type not in OPERAND_END

    def _single(self, frame: Frame, type_: str, value, line: int, start: int, out: list):
        """One token made apart from `_chunk`'s loop (the rare kinds)."""
        tok = self._tok(frame, type_, value, line)
        if frame.record is not None:
            frame.record.append((TOK, type_, value, line, start,
                                 self._start_ok() if frame.text[start] == "/" else None))
        self._accept(tok, out)

    def _chunk(self, frame: Frame, out: list):
        """Scan the top file into `out` up to the next thing that must wait
        until those tokens are taken (see above); such a thing with no token
        before it is done here.  The common tokens are made in line: this
        loop is most of the time a cold parse takes."""
        text = frame.text
        pos = frame.pos
        line = frame.line
        base = frame.fid << LINE_BITS
        record = frame.record
        docs = self.pending_docs
        depth = self.abs_depth
        last = first = self.prev_tok
        bar = self.bar
        name_type = self._name_type.get
        punct_type = self._punct_type
        brackets = self._brackets
        opens = self._open
        new = str.__new__
        finditer = TOKEN_RE.finditer
        stop = None         # where the stretch ends, if before the file's end
        for m in finditer(text, pos):
            kind = m.lastgroup
            if kind == "name":
                val = m["name"]
                type_ = name_type(val, "NAME")
            elif kind == "nl":
                line += m["nl"].count("\n")
                continue
            elif kind == "punct":
                val = m["punct"]
                type_ = punct_type[val]
                if val == "&" and NEWER_ATTR_RE.match(text, m.start()):
                    stop = m
                    break
            elif kind == "bad":
                val = m["bad"]
                if val != "|":
                    stop = m
                    break
                type_ = "BAR"
            elif kind in LITERAL_KINDS:
                val = m[kind]
                type_ = LITERAL_KINDS[kind]
                if (kind == "addr6" or kind == "subnet6") and not _valid_v6(val):
                    stop = m
                    break
            elif kind == "comment" or kind == "ws":
                continue
            elif kind == "doc":
                val = m["doc"][2:]
                if record is not None:
                    record.append((DOC, val))
                docs.append(val)
                continue
            elif kind == "pattern":
                if bar is not None or (
                        self.prev_type if last is first else _prev_type(last)) in OPERAND_END:
                    stop = m        # division after all
                    break
                val = m["pattern"]
                val = (val[1:-2], True) if val[-1] == "i" else (val[1:-1], False)
                type_ = "PATTERN_LIT"
            elif kind == "attr":
                val = m["attr"]
                type_ = "ATTR"
            elif kind == "doc_summary":
                val = m["doc_summary"][3:]
                if record is not None:
                    record.append((SUMMARY, val))
                frame.summary.append(val)
                continue
            else:       # doc_post, directive, not_in
                stop = m
                break
            tok = new(BroToken, val)
            tok.type = type_
            tok.value = val
            tok.line = base | line
            tok.post_docs = None
            if docs:
                tok.docs = docs
                docs = self.pending_docs = []
            else:
                tok.docs = None
            if record is not None:
                start = m.start()
                slash = None
                if text[start] == "/":
                    slash = bar is None and (
                        self.prev_type if last is first else _prev_type(last)) not in OPERAND_END
                record.append((TOK, type_, val, line, start, slash))
            if bar is not None:
                # the token after a `|` that waited for it
                if tok.type == "BAR" or val in CLOSE_BEFORE or not self._starts_expr(tok):
                    depth[-1] -= 1
                    bar.type = "ABS_CLOSE"
                else:
                    bar.type = "BOR"
                out.append(bar)
                last = bar
                bar = None
            if type_ in brackets:
                if type_ in opens:
                    depth.append(0)
                elif type_ != "BAR":
                    if len(depth) > 1:
                        depth.pop()
                elif (self.prev_type if last is first else _prev_type(last)) not in OPERAND_END:
                    depth[-1] += 1
                    tok.type = "ABS_OPEN"
                elif depth[-1]:
                    bar = tok       # what it is waits for the next token
                    continue
                else:
                    tok.type = "BOR"
            out.append(tok)
            last = tok
        # write the state back: what comes next is done on its own
        frame.line = line
        self.bar = bar
        if last is not first:
            self.prev_tok, self.prev_type = last, _prev_type(last)
        if out:
            # it waits until these tokens are taken
            frame.pos = stop.start() if stop is not None else len(text)
        elif stop is None:
            frame.pos = len(text)
            self._end_of_file(frame)
        else:
            self._rare(frame, stop, out)

    def _rare(self, frame: Frame, m, out: list):
        """What `_chunk` leaves to be done alone, once `out` is empty."""
        kind = m.lastgroup
        val = m[kind]
        line = frame.line
        start = m.start()
        frame.pos = m.end()
        if kind == "directive":
            if frame.record is not None and val not in RECORDABLE:
                # what follows depends on more than the text: the rest
                # of this file is scanned anew on every run
                frame.record.append((LIVE, start, line))
                self._recorded(frame)
            tok = self._directive(frame, val, line)
            if tok is not None:
                self._accept(tok, out)
        elif kind == "doc_post":
            self._doc(frame, POST, val[3:])
        elif kind == "not_in":
            self._single(frame, "NOT_IN", "!in", line, start, out)
            frame.line += val.count("\n")
        elif kind == "pattern":
            # where an operand has ended, `/` is division
            frame.pos = start + 1
            self._single(frame, self.names["/"], "/", line, start, out)
        elif kind == "addr6" or kind == "subnet6":
            # not an address after all (`t[a:b]`): rescan after the `[`
            frame.pos = start + 1
            self._single(frame, self.names["["], "[", line, start, out)
        elif kind == "punct":
            m2 = NEWER_ATTR_RE.match(frame.text, start)
            raise BroSyntaxError(f"not supported by broscript: attribute {m2.group(0)} "
                                 "(newer than Bro 2.6)", Loc(frame.name, line))
        else:
            raise BroSyntaxError(f'unrecognized character - {val}', self.loc(frame))

    def _end_of_file(self, frame: Frame):
        if frame.if_stack:
            raise BroSyntaxError("missing @endif", self.loc(frame))
        if frame.record is not None:
            frame.record.append((END, frame.line))
            self._recorded(frame)
        self.frames.pop()
        if self.hooks:
            self.hooks.file_left(frame)

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


def _prev_type(tok):
    """What a `/` or `|` after `tok` depends on: its kind, with a type
    keyword counted as a name (`x as count / 2` divides)."""
    if tok is None:
        return None
    return "NAME" if tok.value in TYPE_KEYWORDS else tok.type


def _valid_v6(text: str) -> bool:
    from .runtime.addrs import parse_addr
    inner = text[1:text.index("]")]
    try:
        parse_addr(inner)
    except (ValueError, IndexError):
        return False
    return True
