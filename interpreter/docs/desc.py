"""The text buffer every page fragment is written into (zeekygen.md §2).

Bro writes each detail entry and each summary cell into an ODesc whose
indentation is *lazy*: it is only written when text, even empty text, is
added at the start of a line.  That rule alone explains every indented
blank line and every trailing space on a page, so the generator writes
through this model instead of formatting lines itself.
"""
from __future__ import annotations


class Desc:
    """A model of Bro 2.6's ODesc, as far as documentation uses it.

    `width` is the number of spaces per indent level (0: one TAB per level);
    `quotes` says whether string values are wrapped in `"`.
    """
    __slots__ = ("parts", "level", "width", "quotes", "_at_line_start")

    def __init__(self, width: int = 0, quotes: bool = True):
        self.parts: list[str] = []
        self.level = 0
        self.width = width
        self.quotes = quotes
        self._at_line_start = False   # non-empty and ends with "\n"

    def add(self, text: str) -> None:
        """ODesc::Add(const char*): indent first when at a line start,
        even if `text` is empty (§2: lines of spaces only)."""
        if self._at_line_start and self.level > 0:
            self.parts.append(" " * (self.level * self.width) if self.width
                              else "\t" * self.level)
            self._at_line_start = False
        if text:
            self.parts.append(text)
            self._at_line_start = text[-1] == "\n"

    def nl(self) -> None:
        self.parts.append("\n")
        self._at_line_start = True

    def sp(self) -> None:
        self.parts.append(" ")
        self._at_line_start = False

    def push(self) -> None:
        """PushIndent: one level deeper, then a newline."""
        self.level += 1
        self.nl()

    def pop(self) -> None:
        """PopIndent: one level back, then a newline."""
        self.level -= 1
        self.nl()

    def push_only(self) -> None:
        self.level += 1

    def pop_no_nl(self) -> None:
        self.level -= 1

    def text(self) -> str:
        return "".join(self.parts)
