"""Script path, @load resolution, @if evaluation, and the top-level driver
that executes each declaration as soon as it has been read (language.md §0,
§1.6, §7.4)."""
from __future__ import annotations

import os
from importlib import resources
from typing import Optional

from .errors import BroSyntaxError, BroFatal, Loc, LINE_BITS
from .lexer import Lexer
from .parser import parse_tokens, terminal_names

DECL_START = {"module", "export", "global", "const", "option", "type", "redef",
              "function", "event", "hook"}
BODY_ENDED = {"function", "event", "hook"}


def library_dir() -> str:
    return str(resources.files("broscript.scripts"))


def script_path() -> list[str]:
    env = os.environ.get("BROPATH") or os.environ.get("ZEEKPATH")
    dirs = env.split(":") if env else ["."]
    return [d for d in dirs if d] + [library_dir()]


class Loader:
    """Feeds the lexer files and hands complete top-level items to `interp`."""

    def __init__(self, interp):
        self.interp = interp
        self.loaded: set = set()
        self.lexer = Lexer(terminal_names(), self)
        self.module_stack: list[str] = []

    # ------------------------------------------------------------ resolution
    def resolve(self, name: str, from_file: Optional[str]) -> Optional[tuple[str, str]]:
        """Return (display name, real path) or None (language.md §7.4)."""
        cands = []
        if name.startswith("."):
            base = os.path.dirname(from_file) if from_file else "."
            cands = [(base + "/" + name if base else name)]
        elif name.startswith("/"):
            cands = [name]
        else:
            cands = [d.rstrip("/") + "/" + name for d in script_path()]
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
        try:
            st = os.stat(path)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = path
        if key in self.loaded:
            return True
        self.loaded.add(key)
        return False

    def read(self, path: str) -> str:
        with open(path, "rb") as fh:
            return fh.read().decode("latin-1")

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
        lexer.push_file(display, self.read(path), path)

    def unload(self, name, frame):
        found = self.resolve(name, frame.name)
        if found:
            self.already(found[1])

    def file_entered(self, frame):
        self.module_stack.append(self.interp.module)
        self.interp.current_script = frame.name

    def file_left(self, frame):
        self.interp.module = self.module_stack.pop()
        self.interp.file_done(frame)
        if self.lexer.frames:
            self.interp.current_script = self.lexer.frames[-1].name

    def deprecated(self, frame, line, text):
        self.interp.reporter.warning(f"deprecated script loaded from command line arguments {text}".rstrip(),
                                     Loc(frame.name, line))

    def ifdef(self, name, frame) -> bool:
        return self.interp.checker.lookup_global(name, self.interp.module) is not None

    def eval_if(self, text, frame, line) -> bool:
        sub = Lexer(terminal_names(), None)
        f = sub.push_file(frame.name, "\n" * (line - 1) + text, frame.path)
        toks = list(sub.tokens())
        return self.interp.eval_if(toks, Loc(frame.name, line), text)

    # ------------------------------------------------------------ driver
    def run(self, sources):
        """sources: list of (display, text, path).  Returns top-level stmt tokens."""
        interp = self.interp
        for display, text, path in sources:
            if callable(text):
                text = text()
            self.lexer.push_file(display, text, path)
            self._items()
        return self.stmt_tokens

    stmt_tokens: list = []

    def _items(self):
        lx = self.lexer
        names = lx.names
        open_ = {names["("], names["["], names["{"]}
        close = {names[")"], names["]"], names["}"]}
        semi, rbrace = names[";"], names["}"]
        buf: list = []
        depth = 0
        kind = None
        export_depth = 0
        interp = self.interp
        if not hasattr(self, "_started"):
            self._started = False
            self.stmt_tokens = []
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
            if depth == 0 and (t == semi or (t == rbrace and (
                    kind in BODY_ENDED or (kind == "redef" and len(buf) > 1 and buf[1].value == "event")))):
                items, buf = buf, []
                interp.declaration(items)
