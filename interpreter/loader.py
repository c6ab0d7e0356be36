"""Script path, @load resolution, @if evaluation, and the top-level driver
that executes each declaration as soon as it has been read (language.md §0,
§1.6, §7.4)."""
from __future__ import annotations

import functools
import os
from typing import Optional

from . import types as T
from .errors import BroSyntaxError, BroFatal, Loc, LINE_BITS
from .lexer import Lexer
from .parser import parse_tokens, terminal_names
from .scope import FuncScope
from .deferred import QuickFrame, lazy_globals, parse_decl, pending_of, quick_items

DECL_START = {"module", "export", "global", "const", "option", "type", "redef",
              "function", "event", "hook"}
BODY_ENDED = {"function", "event", "hook"}


def ends_declaration(tok_type, kind, second, semi, rbrace) -> bool:
    """At bracket depth 0, whether a token of type `tok_type` ends the
    top-level declaration whose first words are `kind` and `second`: a
    `;`, or the `}` closing a body (of a function, event or hook, or a
    `redef event`).  Loader._items and deferred.scanned_ends cut by it."""
    return tok_type == semi or (tok_type == rbrace and (
        kind in BODY_ENDED or (kind == "redef" and second == "event")))


# what the nodes of one simulated cluster share (Loader.resolve)
_RESOLVED: dict = {}
_FILE_IDS: dict = {}
_TEXTS: dict = {}


_SHARE = [False]
_CWD = [None]


def share_files(on: bool) -> None:
    """While a simulated cluster boots its nodes (cluster/sim.py), where an
    @load name resolves, a file's identity and its text are found once, not
    once per node.  Off again after each boot; forget_shared() when a new
    simulation starts (files may have changed since the last)."""
    _SHARE[0] = on
    # the working directory of the boot: part of every resolution's key
    _CWD[0] = os.getcwd() if on else None


def forget_shared() -> None:
    _RESOLVED.clear()
    _FILE_IDS.clear()
    _TEXTS.clear()


@functools.lru_cache(maxsize=1)
def library_dir() -> str:
    # the package's directory as importlib found it (importlib.resources
    # would import a dozen modules more into every start)
    from importlib.util import find_spec
    spec = find_spec("broscript.scripts")
    if spec is not None and spec.submodule_search_locations:
        return list(spec.submodule_search_locations)[0]
    from importlib import resources
    return str(resources.files("broscript.scripts"))


def script_path(environ=None) -> list[str]:
    """BROPATH (or ZEEKPATH), default `.`, then our own library (language.md
    §7.4), read from `environ`: the interpreter's own environment (bytes to
    bytes), so each interpreter of a process may have its own path."""
    if environ is None:
        environ = os.environb
    env = environ.get(b"BROPATH") or environ.get(b"ZEEKPATH")
    dirs = os.fsdecode(env).split(":") if env else ["."]
    return [d for d in dirs if d] + [library_dir()]


class Loader:
    """Feeds the lexer files and hands complete top-level items to `interp`."""

    def __init__(self, interp):
        self.interp = interp
        self.loaded: set = set()
        self.lexer = Lexer(terminal_names(), self)
        self.module_stack: list[str] = []
        self.pending: list = []         # tokens of the declaration being read
        self.stmt_tokens: list = []     # the top-level statements, once begun
        self._started = False
        # `@load NAME` answered without the script path: NAME -> (display,
        # path, text or None to read path); how --layout supplies the
        # cluster-layout script
        self.overrides: dict = {}
        # @prefixes (language.md §1.6): the prefix list starts with Bro's
        # empty prefix, then BRO_PREFIXES; `scanned` is every script read,
        # [path, prefixes looked for], in order
        self.prefix_list: list[str] = [""]
        env = self.interp.environ.get(b"BRO_PREFIXES")
        if env:
            self.prefix_list += [p for p in os.fsdecode(env).split(":") if p]
        self.scanned: list = []
        self.loaded_from: dict = {}     # display name -> (loader's name, line)
        self.sig_files: list[str] = []  # @load-sigs: recorded, never used

    # ------------------------------------------------------------ resolution
    def resolve(self, name: str, from_file: Optional[str]) -> Optional[tuple[str, str]]:
        """Return (display name, real path) or None (language.md §7.4).
        The nodes of a simulated cluster ask the same questions of the same
        files: while one boots (share_files), each is answered once."""
        if name in self.overrides:
            return self.overrides[name][:2]
        if not _SHARE[0]:
            return self._resolve(name, from_file)
        key = (name, os.path.dirname(from_file) if from_file and name.startswith(".") else None,
               self.interp.environ.get(b"BROPATH"), self.interp.environ.get(b"ZEEKPATH"),
               _CWD[0])
        found = _RESOLVED.get(key, _RESOLVED)
        if found is _RESOLVED:
            found = _RESOLVED[key] = self._resolve(name, from_file)
        return found

    def _resolve(self, name: str, from_file: Optional[str]) -> Optional[tuple[str, str]]:
        cands = []
        if name.startswith("."):
            base = os.path.dirname(from_file) if from_file else "."
            cands = [(base + "/" + name if base else name)]
        elif name.startswith("/"):
            cands = [name]
        else:
            cands = [d.rstrip("/") + "/" + name for d in script_path(self.interp.environ)]
        for c in cands:
            for ext in (".bro", ".zeek", ""):
                p = c + ext
                if os.path.isfile(p):
                    return self.display(p), p
                if ext == "" and os.path.isdir(p):
                    for pk in ("__load__.bro", "__load__.zeek"):
                        if os.path.isfile(p + "/" + pk):
                            return self.display(p + "/" + pk), p + "/" + pk
                    raise BroFatal(f"Failed to open package '{p}': missing '__load__.bro' file")
        return None

    def display(self, p: str) -> str:
        if p.startswith("./") or p.startswith("/") or p.startswith("../"):
            return p
        return "./" + p

    def already(self, path: str) -> bool:
        if any(path == o[1] and o[2] is not None for o in self.overrides.values()):
            key = ("override", path)
            if key in self.loaded:
                return True
            self.loaded.add(key)
            return False
        key = _FILE_IDS.get(path) if _SHARE[0] else None
        if key is None:
            try:
                st = os.stat(path)
                key = (st.st_dev, st.st_ino)
            except OSError:
                key = path
            if _SHARE[0]:
                _FILE_IDS[path] = key
        if key in self.loaded:
            return True
        self.loaded.add(key)
        return False

    def read(self, path: str) -> str:
        for _, opath, text in self.overrides.values():
            if opath == path and text is not None:
                return text
        text = _TEXTS.get(path) if _SHARE[0] else None
        if text is None:
            with open(path, "rb") as fh:
                text = fh.read().decode("latin-1")
            if _SHARE[0]:
                _TEXTS[path] = text
        return text

    # ------------------------------------------------------------ lexer hooks
    def load(self, name, frame, line, lexer):
        found = self.resolve(name, frame.name if frame else None)
        if found is None:
            loc = Loc(frame.name, line) if frame else None
            raise BroFatal(f"can't find {name}", loc)
        display, path = found
        if self.already(path):
            self.interp.script_loads.setdefault(frame.name, []).append(display)
            return
        self.interp.script_loaded(display, path, frame.name)
        self.loaded_at(display, frame.name if frame else None)
        self.scanned.append([path, False])
        if frame is not None and display not in self.loaded_from:
            self.loaded_from[display] = (frame.name, line)
        text = self.read(path)
        self.interp.program.text(display, text, path)
        if not self.pending and not self._started and self.interp.defer_declarations:
            items = quick_items(text)
            if items is not None:
                self.quick_file(display, path, items)
                return
        if lexer is None:
            self.nested_file(display, text, path)
            return
        lexer.push_file(display, text, path)

    def loaded_at(self, display, parent):
        """Record a file for bro_script_loaded with Bro's include level:
        0 for the start-up and command-line files, one more than its
        loader's for an @load (language.md §5.1 step 6)."""
        levels = self.interp.script_levels
        level = levels.get(parent, -1) + 1 if parent is not None else 0
        levels[display] = level
        self.interp.loaded_scripts.append((display, level))

    # ------------------------------------------------------------ quick files
    def quick_file(self, display, path, items):
        """Read a file of simple declarations now, deferring what may wait
        (deferred.py)."""
        interp = self.interp
        frame = QuickFrame(display, path)
        outer_script = interp.current_script
        self.module_stack.append(interp.module)
        interp.current_script = display
        exporting = interp.exporting
        interp.exporting = False
        try:
            for it in items:
                k = it[0]
                if k == "lazy":
                    _, kind, name, line, text = it
                    full = interp.checker.full_name(name, interp.module)
                    if full in interp.globals:
                        self.now(display, path, line, text)
                    else:
                        lazy_globals(interp, [(full, kind)], display, path, line, text, interp.module)
                elif k == "enum":
                    _, name, values, line, text = it
                    fn = interp.checker.full_name
                    names = [(fn(name, interp.module), "type")] + [(fn(v, interp.module), "enum") for v in values]
                    if any(n in interp.globals for n, _ in names):
                        self.now(display, path, line, text)
                    else:
                        lazy_globals(interp, names, display, path, line, text, interp.module)
                elif k == "now":
                    self.now(display, path, it[1], it[2])
                elif k == "body":
                    _, name, line, text = it
                    gid = None
                    if name is not None:
                        gid = interp.globals.get(interp.checker.full_name(name, interp.module))
                        if gid is None and "::" not in name:
                            gid = interp.globals.get(name)
                    if pending_of(gid) is not None:
                        # the body of a function nobody has used yet waits with it
                        pending_of(gid).bodies.append(
                            (display, path, line, text, interp.module, interp.exporting,
                             interp.globals.position()))
                    elif gid is None and name is not None:
                        # a function defined without a declaration first: the
                        # definition is its declaration, made on first use
                        full = interp.checker.full_name(name, interp.module)
                        lazy_globals(interp, [(full, "func")], display, path, line, text, interp.module)
                    else:
                        self.now(display, path, line, text)
                elif k == "load":
                    self.load(it[1], frame, it[2], None)
                    interp.current_script = display
                elif k == "module":
                    interp.module = it[1]
                elif k == "export":
                    interp.exporting = it[1]
                elif k == "summary":
                    frame.summary.append(it[1])
        finally:
            interp.exporting = exporting
            interp.module = self.module_stack.pop()
            interp.file_done(frame)
            interp.current_script = outer_script

    def now(self, display, path, line, text):
        self.interp.execute_decl(parse_decl(display, path, line, text))

    def nested_file(self, display, text, path):
        """A file @loaded by a quick file: read it to its end right away, with
        a lexer of its own, so that it comes before what follows the @load."""
        outer = (self.lexer, self.pending, self.interp.current_script)
        self.lexer = Lexer(terminal_names(), self)
        try:
            self.lexer.push_file(display, text, path)
            self._items()
        finally:
            self.lexer, self.pending, self.interp.current_script = outer

    def unload(self, name, frame, line=None):
        """`@unload`: the script counts as read, so a later @load of it does
        nothing (language.md §1.6)."""
        found = self.resolve(name, frame.name)
        if found:
            self.already(found[1])
        else:
            self.interp.reporter.parse_error(
                f"failed find file associated with @unload {name}", Loc(frame.name, line))

    def prefixes(self, text):
        """`@prefixes = p` / `@prefixes += p` (language.md §1.6): `=` keeps
        only the empty prefix before adding; a colon list adds several."""
        append = text.startswith("+")
        rest = text[1:] if append else text
        rest = rest.lstrip()[1:].strip() if rest.lstrip().startswith("=") else rest.strip()
        if not append:
            del self.prefix_list[1:]
        self.prefix_list += [p for p in rest.split(":") if p]

    def load_sigs(self, name, frame, line):
        """`@load-sigs FILE`: Bro finds FILE (`.sig` added if needed) and
        hands it to its signature engine.  broscript reads no packets and
        has no signature engine: the file is only looked for and recorded,
        with Bro's error when it is missing."""
        path = self.find_with_ext(name, "sig", frame.name)
        if path is None:
            self.interp.reporter.parse_error(
                f"failed to find file associated with @load-sigs {name}", Loc(frame.name, line))
        else:
            self.sig_files.append(path)

    def find_with_ext(self, name, ext, from_file) -> Optional[str]:
        """Bro's find_relative_file: `name.ext` or `name` on the script path,
        or beside the current script for a name starting with `.`."""
        if name.startswith("."):
            base = os.path.dirname(from_file) if from_file else "."
            dirs = [base or "."]
        elif name.startswith("/"):
            return name if os.path.isfile(name) else None
        else:
            dirs = script_path(self.interp.environ)
        for d in dirs:
            p = d.rstrip("/") + "/" + name
            if os.path.isfile(p + "." + ext):
                return p + "." + ext
            if os.path.isfile(p):
                return p
        return None

    def load_prefixed(self):
        """After the command-line scripts (language.md §5.1, §1.6): for each
        script read so far and each prefix, latest first, the script
        `prefix.<flattened path>` is read if the path has it; the scripts
        so read are looked at in turn."""
        while True:
            found = []
            for ent in self.scanned:
                if ent[1]:
                    continue
                ent[1] = True
                for p in reversed(self.prefix_list):
                    if not p:
                        continue
                    path = self.find_with_ext(flatten_script_name(self.without_path_dir(ent[0]), p),
                                              "bro", None)
                    if path is not None:
                        found.append(path)
            if not found:
                return
            for path in found:
                if self.already(path):
                    continue
                display = self.display(path)
                self.interp.script_loaded(display, path)
                self.scanned.append([path, False])
                text = self.read(path)
                self.interp.program.text(display, text, path)
                self.lexer.push_file(display, text, path)
                self._items()

    def without_path_dir(self, path: str) -> str:
        """Bro's without_bropath_component: the path, normalised, less the
        first script-path directory it starts with.  The directory `.`
        normalises to nothing and so matches every path."""
        p = _normalize(path)
        for d in script_path(self.interp.environ):
            common = _normalize(d)
            if not p.startswith(common):
                continue
            return p[len(common):].lstrip("/")
        return p

    def file_entered(self, frame):
        self.module_stack.append(self.interp.module)
        self.interp.current_script = frame.name

    def file_left(self, frame):
        self.interp.module = self.module_stack.pop()
        self.interp.file_done(frame)
        if self.lexer.frames:
            self.interp.current_script = self.lexer.frames[-1].name

    def deprecated(self, frame, line, text):
        """`@deprecated ["text"]` names the script that loaded this one and
        the line of its @load (language.md §1.6)."""
        by = self.loaded_from.get(frame.name)
        where = "command line arguments" if by is None else f"{by[0]}:{by[1]}"
        # Bro's format is "... %s": no text leaves a trailing space
        self.interp.reporter.warning(f"deprecated script loaded from {where} {text}",
                                     Loc(frame.name, line))

    def ifdef(self, name, frame) -> bool:
        found = self.interp.checker.lookup_global(name, self.interp.module) is not None
        self.interp.program.outcome(found)
        return found

    def eval_if(self, text, frame, line) -> bool:
        sub = Lexer(terminal_names(), None)
        f = sub.push_file(frame.name, "\n" * (line - 1) + text, frame.path)
        toks = list(sub.tokens())
        scope = self.locals_in_scope()
        value = self.interp.eval_if(toks, Loc(frame.name, line), text, scope)
        self.interp.program.outcome(value)
        return value

    def locals_in_scope(self) -> Optional[FuncScope]:
        """The locals an `@if` inside a body can see (language.md §1.6).

        Bro parses as it reads, so by the time its scanner meets the `@if`
        the locals and parameters before it are declared, and naming one is
        "referencing a local name in @if".  We parse a body only once it is
        complete, so the names are read off the tokens seen so far.  Only
        the names matter: a local has no value at parse time anyway."""
        toks = self.stmt_tokens if self._started else self.pending
        names = local_names(toks)
        if not names:
            return None
        scope = FuncScope(None, None, "<@if>")
        for n in names:
            scope.add(n, T.ERROR)
        return scope

    # ------------------------------------------------------------ driver
    def run(self, sources):
        """sources: list of (display, text, path).  Returns top-level stmt tokens."""
        interp = self.interp
        for display, text, path in sources:
            if display is PREFIXED:
                self.load_prefixed()
                continue
            if callable(text):
                text = text()
            self.interp.program.text(display, text, path)
            if path is not None:
                # a command-line script some earlier script loaded is not
                # read again (Bro checks when it comes to load it)
                if self.already(path):
                    continue
                self.loaded_at(display, None)
                self.scanned.append([path, False])
            self.lexer.push_file(display, text, path)
            self._items()
        return self.stmt_tokens

    def _items(self):
        lx = self.lexer
        names = lx.names
        open_ = {names["("], names["["], names["{"]}
        close = {names[")"], names["]"], names["}"]}
        semi, rbrace = names[";"], names["}"]
        buf: list = []
        self.pending = buf
        depth = 0
        kind = None
        export_depth = 0
        interp = self.interp
        while True:
            tok = lx.next_token()
            if tok is None:
                if buf:
                    from .parser import syntax_error
                    raise syntax_error(None, Loc.from_lines(buf[-1].line))
                return
            if self._started:
                self.stmt_tokens.append(tok)
                continue
            if not buf:
                if tok.type == rbrace and export_depth:
                    export_depth -= 1
                    interp.exporting = export_depth > 0
                    continue
                if tok.value == "export" and tok.type == names["export"]:
                    nxt = lx.next_token()
                    if nxt is None or nxt.type != names["{"]:
                        from .parser import syntax_error
                        raise syntax_error(nxt, Loc.from_lines(tok.line))
                    export_depth += 1
                    interp.exporting = True
                    continue
                if tok.type not in {names[k] for k in DECL_START}:
                    self._started = True
                    interp.statements_started(tok)
                    self.stmt_tokens.append(tok)
                    continue
                kind = tok.value
            buf.append(tok)
            t = tok.type
            if t in open_:
                depth += 1
            elif t in close:
                depth -= 1
            if depth == 0 and ends_declaration(t, kind, buf[1].value if len(buf) > 1 else None,
                                               semi, rbrace):
                items, buf = buf, []
                self.pending = buf
                interp.declaration(items)


# the place in the load list where the @prefixes scripts are read
PREFIXED = "<prefixed scripts>"


def flatten_script_name(name: str, prefix: str) -> str:
    """Bro's flatten_script_name: `prefix.` + the path with `/` as `.`;
    a package's `__load__.bro` stands for its directory."""
    if os.path.basename(name) in ("__load__.bro", "__load__.zeek"):
        name = os.path.dirname(name)
    return (prefix + "." if prefix else "") + name.replace("/", ".")


def _normalize(path: str) -> str:
    """Bro's normalize_path: `.` parts dropped, `x/..` pairs folded."""
    parts: list[str] = []
    for part in path.split("/"):
        if part == "." or (part == "" and parts):
            continue
        if part == ".." and parts and parts[-1] not in ("", ".."):
            parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def command_line_sources(interp, files, params, code, bare, stdin_text=None):
    """The load list after the prelude, in Bro's order (language.md §7.1):
    the default library unless bare, the scripts named on the command line,
    the NAME=VALUE redefs, the -e code; stdin when nothing else is given.
    Returns [(display, text or a callable giving it, path)]."""
    loader = interp.loader
    sources = []
    if not bare and loader.resolve("base/init-default", None):
        sources.append(("@load", "@load base/init-default\n", None))
    for f in files:
        if f == "-":
            # `-` is standard input, read where it stands among the files (§7.1)
            sources.append(("<stdin>", stdin_text or "", None))
            continue
        found = loader.resolve(f, None)
        if found is None:
            raise BroFatal(f"can't find {f}")
        display, path = found
        sources.append((display, loader.read(path), path))
    sources.append((PREFIXED, None, None))
    for p in params:
        name, value = p.split("=", 1)
        if not value:
            continue

        def param_text(name=name, value=value):
            # a string global gets quotes; known only once the scripts ran (§7.3)
            gid = interp.globals.get(name)
            if gid is not None and gid.type is not None and gid.type.kind == "string":
                value = f'"{value}"'
            return f"redef {name}={value};"
        sources.append(("<params>", param_text, None))
    for c in code:
        sources.append(("<command line>", c + "\n;", None))
    if stdin_text is not None and not files and not code:
        sources.append(("<stdin>", stdin_text, None))
    return sources


def local_names(toks) -> list[str]:
    """Names declared as parameters or locals by the tokens of an unfinished
    body: the parameters of a function/event/hook head, `local x`, a `const x`
    inside a body, and `for` loop variables (language.md §3.3)."""
    names = []
    vals = [t.value if isinstance(t.value, str) else "" for t in toks]
    types = [t.type for t in toks]
    start = 1 if vals[:1] == ["redef"] else 0
    if vals[start:start + 1] in (["function"], ["event"], ["hook"]) and len(vals) > start + 2:
        depth = 0
        for i in range(start + 2, len(vals)):
            v = vals[i]
            if v in ("(", "[", "{"):
                depth += 1
            elif v in (")", "]", "}"):
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and types[i] == "NAME" and vals[i + 1:i + 2] == [":"]:
                names.append(v)
    for i, v in enumerate(vals):
        nxt = i + 1 < len(vals) and types[i + 1] == "NAME"
        if (v == "local" or (v == "const" and i > 0)) and nxt:
            names.append(vals[i + 1])
        elif v == "for" and vals[i + 1:i + 2] == ["("]:
            j = i + 2
            if vals[j:j + 1] == ["["]:
                j += 1
            while j < len(vals) and types[j] == "NAME":
                names.append(vals[j])
                if vals[j + 1:j + 2] != [","]:
                    break
                j += 2
    return names
