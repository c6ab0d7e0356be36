"""Where an expression is checked (module, scope, loop depth): the state
the checker's passes share while walking one body."""
from __future__ import annotations

from typing import Optional

from ..scope import FuncScope


class Ctx:
    """Where an expression is checked: module, function scope, loop depth."""

    def __init__(self, module: str, scope: Optional[FuncScope] = None, in_if: bool = False):
        self.module = module
        self.scope = scope
        self.in_if = in_if
        self.loops = 0
        self.switches = 0
        # an anonymous function's enclosing bodies, innermost last, and the
        # names in it that refer to their locals (language.md §2.6.4)
        self.outers: list[FuncScope] = []
        self.outer_refs: Optional[list] = None
