"""Declarations read now and made on first use (start-up speed).

Every run reads Bro's whole init-bare surface and about 1,100 builtin and
event declarations of the base/bif stubs (bro26-surface.md), of which a
script uses a handful.  A file made only of top-level declarations,
`export` blocks, `module` lines and `@load`s (our init-bare, the stubs,
the frameworks) is therefore read without the lexer: each `global`,
`const`, `option` or `type` (an enum with its values) enters the global
scope at once under its name, kind and export flag, and is lexed, parsed
and checked the first time anything looks at its type, value or
attributes, in the module and file it was written in; a function body
given for such a name waits with it.  Event handlers, `redef`s and
declarations whose initialiser names another global run at once, so that
nothing a script can observe depends on when a deferred one is made.
A deferred declaration, made late, still sees only the globals declared
before it, as Bro checks each where it stands (GlobalTable); an error
found in one fails the run with status 1 even when found at run time.
Files with `@if`, other directives or statements are read as usual, and
the documentation tool, which must see every declaration as it is read,
turns this off (Interpreter.defer_declarations).
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from . import astcodec, cache
from .errors import file_id
from .lexer import Lexer
from .parser import parse_tokens, terminal_names
from .runtime.values import UNSET
from .scope import GlobalID

DECL_RE = re.compile(r"(global|const|option|type) ([A-Za-z_][A-Za-z_0-9]*(?:::[A-Za-z_][A-Za-z_0-9]*)*)\s*([:=])(.*)$",
                     re.S)
FUNC_RE = re.compile(r"function ([A-Za-z_][A-Za-z_0-9]*(?:::[A-Za-z_][A-Za-z_0-9]*)*)\s*\(")
DIRECTIVE_RE = re.compile(r"^[ \t]*@", re.M)
KINDS = {"global": "global", "const": "const", "option": "option", "type": "type"}
OPENS, CLOSES = "([{", ")]}"


SCAN_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[][(){}]|\d/(?=(?:tcp|udp|icmp|unknown)\b)|/')
DELTA = {"(": 1, "[": 1, "{": 1, ")": -1, "]": -1, "}": -1}


def balance(text: str) -> Optional[int]:
    """Open minus closed brackets outside strings and comments; None when
    the text holds something this quick reader does not trust: a `/` that
    is not part of a port literal such as 9999/tcp may start a pattern."""
    depth = 0
    for m in SCAN_RE.finditer(text):
        t = m.group()
        d = DELTA.get(t)
        if d is not None:
            depth += d
        elif t == "/":
            return None
    return depth


# words an initialiser may hold and still mean the same whenever it runs
PLAIN_WORDS = {"T", "F", "tcp", "udp", "icmp", "unknown", "table", "set", "vector", "of",
               "sec", "secs", "min", "mins", "hr", "hrs", "day", "days", "msec", "msecs",
               "usec", "usecs", "count", "int", "string", "bool", "double", "time", "interval",
               "port", "addr", "subnet", "pattern", "any", "function", "event", "hook", "record",
               "enum", "file", "opaque", "redef", "log", "optional", "default", "deprecated"}
WORD_RE = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|(?<![\w.])[A-Za-z_][A-Za-z_0-9]*(?:::[A-Za-z_][A-Za-z_0-9]*)*')


def names_other_ids(rest: str) -> bool:
    """Whether the initialiser or attributes of a `global`/`const`/`option`
    (`rest` is what follows its name) name something a later script could
    change before first use, another global's value: then it is declared
    at once, so that the initialiser sees what Bro's would.  A function
    type's parameter defaults are evaluated per call and do not count."""
    text = rest.lstrip(" :")
    if text.startswith(("function", "event", "hook")) and "(" in text:
        try:
            text = text[close_paren(text, text.index("(")) + 1:]
        except ValueError:
            return True
    if "=" not in text:
        return False            # a type alone: nothing is evaluated
    for m in WORD_RE.finditer(text.split("=", 1)[1]):
        w = m.group()
        if w[0] not in "\"#" and w not in PLAIN_WORDS:
            return True
    return False


def close_paren(text: str, start: int) -> int:
    depth = 0
    for m in SCAN_RE.finditer(text, start):
        t = m.group()
        if t in "([{" and t:
            depth += 1
        elif t in ")]}" and t:
            depth -= 1
            if depth == 0:
                return m.start()
    raise ValueError(text)


def enum_names(rest: str) -> list[str]:
    """The value names of `enum { A, B = 2, ... } ...;`."""
    inner = rest[rest.index("{") + 1:rest.rindex("}")]
    inner = "\n".join(ln.split("#", 1)[0] for ln in inner.split("\n"))
    return [x.split("=", 1)[0].strip() for x in inner.split(",") if x.strip()]


_QUICK: dict = {}
# (line, text) of a declaration quick_scan() found -> the text of a file it
# is in: parse_decl() files its AST in that file's cache entry
_FILE_OF: dict = {}
_FILE_KEYS: dict = {}       # file text -> cache.file_key(text)


ITEM_KINDS = {"summary", "load", "module", "export", "lazy", "enum", "now", "body"}


def quick_items(text: str):
    """quick_scan(), once per file text (many interpreters may read it); a
    warm start takes it from the file's script cache entry, which the
    file's declarations are read from anyway (an init-default run makes
    them all: the config framework's global_ids())."""
    items = _QUICK.get(text, _QUICK)
    if items is _QUICK:
        fkey = None
        if cache.active():
            fkey = _FILE_KEYS.get(text)
            if fkey is None:
                fkey = _FILE_KEYS[text] = cache.file_key(text)
            stored = cache.decls_of(fkey).get("quick")
            if _valid_items(stored):
                items = stored[1]
        if items is _QUICK:
            items = quick_scan(text)
            if fkey is not None:
                cache.store_decl(fkey, "quick", ("quick", items))
        _QUICK[text] = items
        for it in items or ():
            if it[0] in ("lazy", "enum", "now", "body"):
                _FILE_OF[(it[-2], it[-1])] = text
    return items


def _valid_items(stored) -> bool:
    """Whether a cached scan has the shape quick_scan() gives (a cache
    entry is never trusted further than that)."""
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == "quick"):
        return False
    items = stored[1]
    if items is None:
        return True
    return isinstance(items, list) and all(
        type(it) is tuple and it and it[0] in ITEM_KINDS for it in items)


def parse_decl(display, path, line, text):
    """The AST of one declaration of a quick file, written at `line`.

    Its AST is a function of its text and line alone, so the script cache
    keeps it under a digest of those, in the entry of the file it came from:
    a warm start, and every node of a simulated cluster after the first,
    neither scan nor parse it again (issue 12 item 5); each gets a fresh
    copy, since checking annotates the tree."""
    ftext = _FILE_OF.get((line, text)) if cache.active() else None
    if ftext is None:
        return parse_tokens(lex(display, path, line, text), "decl")
    fkey = _FILE_KEYS.get(ftext)
    if fkey is None:
        fkey = _FILE_KEYS[ftext] = cache.file_key(ftext)
    digest = hashlib.blake2b(f"quick-decl\0{line}\0{text}".encode("utf-8", "surrogatepass"),
                             digest_size=16).digest()
    entry = cache.decls_of(fkey)
    enc = entry.get(digest)
    if enc is not None:
        try:
            return astcodec.decoder(display)(enc)
        except Exception:
            pass        # not what we wrote: rebuilt below, never trusted
    ast = parse_tokens(lex(display, path, line, text), "decl")
    try:
        enc = astcodec.encode(ast, file_id(display))
    except astcodec.Unencodable:
        return ast
    cache.store_decl(fkey, digest, enc)
    return ast


def quick_scan(text: str):
    """The items of a file made only of simple declarations, or None.

    Items: ("summary", text), ("load", name, line), ("module", name),
    ("export", True|False), ("lazy", kind, name, line, text) and
    ("now", line, text)."""
    items = []
    lines = text.split("\n")
    i, n, export = 0, len(lines), 0
    ends = None
    docs, doc_line = [], 0           # `##` lines before the next declaration
    while i < n:
        raw = lines[i]
        s = raw.strip()
        lineno = i + 1
        i += 1
        if not s:
            continue
        if s.startswith("#"):
            if s.startswith("##!"):
                items.append(("summary", raw.lstrip()[3:]))
            elif s.startswith("##"):
                if not docs:
                    doc_line = lineno
                docs.append(raw)
            continue
        if s.startswith("@"):
            parts = s.split("#", 1)[0].split()     # `@load x # why` as the lexer reads it
            if parts[0] != "@load" or len(parts) != 2 or docs:
                return None
            items.append(("load", parts[1], lineno))
            continue
        if s.split("#", 1)[0].strip() == "export {":
            export += 1
            items.append(("export", True))
            continue
        if s == "}" or s.startswith("} #") or s.startswith("}#"):
            if not export or docs:
                return None
            export -= 1
            items.append(("export", export > 0))
            continue
        word = s.split(None, 1)[0]
        if word == "module" and s.endswith(";") and not docs:
            items.append(("module", s[6:-1].strip()))
            continue
        if word not in ("global", "const", "option", "type", "redef", "function", "event", "hook"):
            return None
        # gather the whole declaration
        start, chunk = lineno, [raw]
        depth = balance(raw)
        patterned = False
        while True:
            if depth is None:
                # a `/` that may start a pattern: the real scanner says
                # where the declaration ends (scanned_ends)
                if ends is None:
                    ends = scanned_ends(text)
                end = ends.get(start) if ends else None
                if end is None:
                    return None
                while start + len(chunk) - 1 < end:
                    if i >= n:
                        return None
                    chunk.append(lines[i])
                    i += 1
                patterned = True
                break
            whole = strip_comment("\n".join(chunk))
            done = depth == 0 and (whole.endswith(";") if word not in ("function", "event", "hook")
                                   else whole.endswith("}"))
            if done:
                break
            if i >= n:
                return None
            nxt = lines[i]
            i += 1
            chunk.append(nxt)
            b = balance(nxt)
            depth = None if b is None else depth + b
        whole = "\n".join(chunk)
        if DIRECTIVE_RE.search(whole):
            # an @if inside a body must be decided while the file is read,
            # with the scripts before it (Bro's NOTICE() chooses its cluster
            # branch so): such a file is read as usual
            return None
        m = DECL_RE.match(strip_comment(whole).strip()) if word in KINDS and not patterned else None
        if docs:
            whole = "\n".join(docs) + "\n" + whole
            start = doc_line
            docs = []
        rest = m.group(4).lstrip() if m else ""
        if m and word == "type" and rest.startswith("enum"):
            items.append(("enum", m.group(2), enum_names(rest), start, whole))
        elif m and not (word != "type" and names_other_ids(m.group(3) + m.group(4))):
            kind = KINDS[word]
            if word == "global" and m.group(3) == ":" and rest.split("(", 1)[0].strip() in ("function", "event", "hook"):
                kind = "func"
            items.append(("lazy", kind, m.group(2), start, whole))
        elif word == "function":
            fm = FUNC_RE.match(s)
            items.append(("body", fm.group(1) if fm else None, start, whole))
        else:
            items.append(("now", start, whole))
        continue
    return items if export == 0 else None


def scanned_ends(text: str) -> Optional[dict]:
    """{first line: last line} of each top-level declaration of `text`, as
    the real scanner and the loader's grouping (Loader._items) find them,
    or None when that is not a plain list of declarations: a text with a
    pattern cannot be cut by counting brackets (a `/` may start one, and a
    pattern may hold any bracket).  A declaration such a text holds is run
    at once, never deferred: the words of a pattern are not names."""
    from .loader import DECL_START, ends_declaration
    from .parseonly import _FirstBranch
    from .errors import BroError, LINE_MASK
    lx = Lexer(terminal_names(), _FirstBranch())
    lx.push_file("<quick scan>", text, None)
    try:
        toks = list(lx.tokens())
    except BroError:
        return None
    names = lx.names
    opens, closes = {names["("], names["["], names["{"]}, {names[")"], names["]"], names["}"]}
    semi, lbrace, rbrace = names[";"], names["{"], names["}"]
    starts = {names[k] for k in DECL_START}
    ends: dict = {}
    first = None
    depth = export = 0
    kind = second = None
    last_end = -1
    it = iter(toks)
    for tok in it:
        line = tok.line & LINE_MASK
        if first is None:
            if tok.type == rbrace and export:
                export -= 1
                continue
            if tok.type == names["export"] and tok.value == "export":
                nxt = next(it, None)
                if nxt is None or nxt.type != lbrace:
                    return None
                export += 1
                continue
            if tok.type not in starts or line == last_end:
                return None         # statements, or two declarations on one line
            first, kind, second, depth = line, tok.value, None, 0
        elif second is None:
            second = tok.value
        t = tok.type
        if t in opens:
            depth += 1
        elif t in closes:
            depth -= 1
        if depth == 0 and ends_declaration(t, kind, second, semi, rbrace):
            ends[first] = last_end = line
            first = None
    return ends if first is None else None


def strip_comment(text: str) -> str:
    """`text` without a comment after its last line's code, right-stripped."""
    last = text.rsplit("\n", 1)[-1]
    if "#" in last and '"' not in last:
        text = text[:len(text) - len(last)] + last.split("#", 1)[0]
    return text.rstrip()


class QuickFrame:
    """What the loader's hooks need of a file being read (lexer.Frame)."""

    def __init__(self, name, path):
        self.name = name
        self.path = path
        self.summary: list[str] = []


def lex(display, path, line, text):
    lx = Lexer(terminal_names(), None)
    lx.push_file(display, "\n" * (line - 1) + text, path)
    return list(lx.tokens())


class GlobalTable(dict):
    """The global scope, remembering the order names were first declared in.

    Bro checks every declaration and body where it stands in the scripts:
    it sees only the globals declared before it.  A deferred one is checked
    later, when the user's script may have declared more (a `global info`
    there must not clash with a `local info` in a framework's function
    body): while it is made, lookup_global() hides every name whose
    sequence number is not below the declaration's (`limit`).  Only
    storing is slower; lookups stay the plain dict's."""
    __slots__ = ("seq",)

    def __init__(self, *a):
        super().__init__(*a)
        self.seq: dict = {}

    def __setitem__(self, key, value):
        seq = self.seq
        if key not in seq:
            seq[key] = len(seq)
        dict.__setitem__(self, key, value)

    def position(self) -> int:
        """The limit of a declaration read now: all declared so far."""
        return len(self.seq)

    def visible(self, key, limit) -> bool:
        return limit is None or self.seq.get(key, -1) < limit


class Pending:
    """One deferred declaration and the globals it declares (an enum type
    declares its values too)."""
    __slots__ = ("interp", "display", "path", "line", "text", "module", "exporting", "members",
                 "bodies", "limit", "on_made")

    def __init__(self, interp, display, path, line, text, module, exporting):
        self.interp, self.display, self.path, self.line = interp, display, path, line
        self.text, self.module, self.exporting = text, module, exporting
        self.members: list = []
        # function bodies given for a member before its first use, to run
        # after its declaration: [(display, path, line, text, module, exporting, limit)]
        self.bodies: list = []
        self.limit = None           # set by lazy_globals() (GlobalTable)
        # called once the declaration is made, before anything can change
        # what it made (introspection.py's global_ids values)
        self.on_made: Optional[list] = None


def declare_in(interp, display, path, line, text, module, exporting, limit=None):
    """Run one declaration in the module and file it was written in, seeing
    only the globals declared before it (`limit`, GlobalTable)."""
    saved = (interp.module, interp.exporting, interp.current_script,
             interp.errors_before_decl, interp.poisoned_before_decl, interp.visible_limit)
    interp.module, interp.exporting, interp.current_script = module, exporting, display
    interp.visible_limit = limit
    try:
        interp.execute_decl(parse_decl(display, path, line, text))
    finally:
        (interp.module, interp.exporting, interp.current_script,
         interp.errors_before_decl, interp.poisoned_before_decl, interp.visible_limit) = saved


class LazyGlobalID(GlobalID):
    """A global whose declaration runs on first use; then it turns into a
    plain GlobalID in place, so every holder of it sees the real thing.
    Until then its `value` slot holds its Pending."""
    __slots__ = ()

    def force(self):
        p = pending_of(self)
        if p is None:
            self.__class__ = GlobalID
            return
        interp = p.interp
        g = interp.globals
        depth = interp.deferred_depth
        for m in p.members:
            m.__class__ = GlobalID
            SLOTS["value"].__set__(m, UNSET)
            if g.get(m.name) is m:
                del g[m.name]
        interp.deferred_depth = depth + 1
        errors = interp.reporter.errors
        try:
            declare_in(interp, p.display, p.path, p.line, p.text, p.module, p.exporting, p.limit)
        finally:
            interp.deferred_depth = depth
            for m in p.members:
                real = g.get(m.name)
                if real is None:
                    continue
                if real is not m:
                    for slot in GlobalID.__slots__:
                        SLOTS[slot].__set__(m, SLOTS[slot].__get__(real, GlobalID))
                    interp.declarer.replace_holder(real, m)
                g[m.name] = m
        # The bodies wait until the outermost declaration being made is
        # back in the global scope: a body may name it (Bro's intel/main.bro:
        # declaring data_store makes DataStore, whose &expire_func's body
        # leads to item_exists, which reads data_store)
        queue = interp.deferred_bodies
        queue.extend(p.bodies)
        made = interp.deferred_made
        made.extend(p.on_made or ())
        if depth == 0:
            while queue:
                declare_in(interp, *queue.pop(0))
            while made:
                made.pop(0)()
        if interp.reporter.errors > errors:
            # Bro finds this error while parsing and never runs: however
            # late it is found here, the run ends with status 1 (cli._run)
            interp.deferred_failed = True


def pending_of(gid):
    """The Pending of a deferred global (None once it is declared)."""
    if type(gid) is not LazyGlobalID:
        return None
    v = SLOTS["value"].__get__(gid, GlobalID)
    return v if isinstance(v, Pending) else None


SLOTS = {s: getattr(GlobalID, s) for s in GlobalID.__slots__}


def _forcing(slot):
    desc = SLOTS[slot]

    def get(self):
        self.force()
        return desc.__get__(self, GlobalID)

    def set_(self, v):
        self.force()
        desc.__set__(self, v)
    return property(get, set_)


for _s in ("type", "value", "attrs", "defined", "deprecated", "docs", "loc"):
    setattr(LazyGlobalID, _s, _forcing(_s))


_set_value = SLOTS["value"].__set__


def lazy_globals(interp, names, display, path, line, text, module):
    """Enter `names` ([(full name, kind)]) as globals declared by `text` on
    first use.  Every run (and every cluster node) makes some two thousand
    of these: the slots a LazyGlobalID does not guard are set directly."""
    exporting = interp.exporting
    p = Pending(interp, display, path, line, text, module, exporting)
    members, table, new = p.members, interp.globals, GlobalID.__new__
    for full, kind in names:
        gid = new(LazyGlobalID)
        gid.name, gid.kind, gid.exported, gid.script = full, kind, exporting, display
        gid.redefs, gid.implicit = [], False
        _set_value(gid, p)
        members.append(gid)
        table[full] = gid
    p.limit = table.position() if isinstance(table, GlobalTable) else None


def is_deferred(gid) -> bool:
    return type(gid) is LazyGlobalID
