"""Source locations and the one exception hierarchy.

Every message goes out through `Reporter` (runtime/runtime.py) in Bro's
format, `<kind> in <location>: <message>` (language.md §6.1).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

# Token and node line numbers carry the file as well: line = file_id << 20 | n.
# Lark propagates line numbers from tokens to rule metadata on its own, so
# this is how a node built from several files' tokens knows its file.
LINE_BITS = 20
LINE_MASK = (1 << LINE_BITS) - 1

FILES: list[str] = []          # file id -> name as shown in messages
_FILE_IDS: dict[str, int] = {}


def file_id(name: str) -> int:
    fid = _FILE_IDS.get(name)
    if fid is None:
        fid = _FILE_IDS[name] = len(FILES)
        FILES.append(name)
    return fid


@dataclass(frozen=True)
class Loc:
    file: str
    line: int
    end_line: int = 0

    def __str__(self):
        if self.line == 0:
            # a built-in type's pseudo-location is its name (Type.cc
            # base_type: "port"), printed without a line (Location::Describe)
            return self.file
        if self.end_line and self.end_line != self.line:
            return f"{self.file}, lines {self.line}-{self.end_line}"
        return f"{self.file}, line {self.line}"

    @staticmethod
    def from_lines(line: int, end_line: Optional[int] = None) -> "Loc":
        f = FILES[line >> LINE_BITS]
        end = end_line if end_line is not None else line
        if end >> LINE_BITS != line >> LINE_BITS:
            end = line
        return Loc(f, line & LINE_MASK, end & LINE_MASK)


@dataclass(frozen=True)
class LocPair:
    """Two objects' places: Bro's DoMsg pushes the second object's location
    when it differs from the first's (language.md §6.1)."""
    first: Optional[Loc]
    second: Loc

    def __str__(self):
        first = str(self.first) if self.first is not None else "<no location>"
        return f"{first} and {self.second}"


class BroError(Exception):
    """A message in Bro's format; `kind` is error, warning, fatal error, ..."""
    kind = "error"

    def __init__(self, msg: str, loc: Optional[Loc] = None, kind: Optional[str] = None):
        super().__init__(msg)
        self.msg = msg
        self.loc = loc
        if kind:
            self.kind = kind

    def render(self) -> str:
        if self.loc is None:
            return f"{self.kind}: {self.msg}"
        return f"{self.kind} in {self.loc}: {self.msg}"

    def __str__(self):
        # what Bro prints, file and line included, wherever the error surfaces
        return self.render()


class BroSyntaxError(BroError):
    """Stops parsing at once (language.md §6.1: grammar-level errors)."""


class BroTypeError(BroError):
    """A semantic error found while checking; parsing goes on, exit 1 after."""


class BroFatal(BroError):
    kind = "fatal error"


class ExprError(Exception):
    """Interpreter exception: abandons the current body (values.md §7.2)."""

    def __init__(self, msg: str, loc: Optional[Loc], desc: str):
        super().__init__(msg)
        self.msg, self.loc, self.desc = msg, loc, desc


class InternalError(Exception):
    """The checker let through what the compiler has no code for: a bug of
    ours, reported as one line with exit status 70 (cli.py), never a
    made-up value."""


class NoValue(Exception):
    """An expression has no value (error already reported): skip the statement."""


class ScriptExit(Exception):
    """exit(n), Reporter::fatal, or a fatal error: end the process."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


# Script text is read as latin-1, one character per byte (lexer.py), so a
# message holding a string constant holds its bytes as characters < 256.
# Bro writes them to stderr as they are: 0x93 is the one byte 0x93, not
# UTF-8's c2 93.  A character no byte can stand for (a file name decoded
# from the file system) goes out as the file system spelled it.
def _raw_bytes(ex: UnicodeEncodeError):
    import os
    return os.fsencode(ex.object[ex.start:ex.end]), ex.end


def _register_byte_errors():
    import codecs
    try:
        codecs.lookup_error("broscript-bytes")
    except LookupError:
        codecs.register_error("broscript-bytes", _raw_bytes)


def message_streams_as_bytes(*streams):
    """Make text streams (stderr) write each character below 256 as that
    byte, as Bro's stdio does."""
    _register_byte_errors()
    for s in streams:
        try:
            s.reconfigure(encoding="latin-1", errors="broscript-bytes")
        except (AttributeError, ValueError, OSError):
            pass    # a capture without an encoding of its own
