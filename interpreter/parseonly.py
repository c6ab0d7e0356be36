"""`broscript --parse-only FILE...`: each file's syntax on its own.

No @load is followed and no name is resolved; both branches of an `@if`
are read (so either must be valid where it stands); if that fails, the file
is tried again with only the first branch of each conditional."""
from __future__ import annotations

import gc
import sys

from .errors import BroError
from .lexer import Lexer
from .parser import parse_tokens, terminal_names


def check_text(name: str, text: str, both_branches: bool = True):
    lx = Lexer(terminal_names(), None if both_branches else _FirstBranch())
    lx.push_file(name, text, None)
    parse_tokens(list(lx.tokens()), "file")


class _FirstBranch:
    """Lexer hooks that take every @if as true and ignore @load and the
    other directives that name files (Lexer's `hooks`)."""

    def load(self, *a):
        pass

    def unload(self, *a):
        pass

    def load_sigs(self, *a):
        pass

    def prefixes(self, *a):
        pass

    def file_entered(self, frame):
        pass

    def file_left(self, frame):
        pass

    def deprecated(self, *a):
        pass

    def ifdef(self, name, frame):
        return True

    def eval_if(self, text, frame, line):
        return True


def parse_only(files) -> int:
    # what parsing makes is freed as each file is done (no cycles): the
    # collector would only walk the growing heap again and again
    was = gc.isenabled()
    gc.disable()
    try:
        return _check_files(files)
    finally:
        if was:
            gc.enable()


def _check_files(files) -> int:
    failed = 0
    for f in files:
        try:
            with open(f, "rb") as fh:
                text = fh.read().decode("latin-1")
        except OSError as ex:
            sys.stderr.write(f"fatal error: can't open {f}: {ex.strerror}\n")
            failed += 1
            continue
        try:
            check_text(f, text)
        except BroError:
            try:
                check_text(f, text, both_branches=False)
            except BroError as ex:
                sys.stderr.write(ex.render() + "\n")
                failed += 1
    return 1 if failed else 0
