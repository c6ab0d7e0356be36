"""Resolver and type checker: names -> bindings, types inferred and checked,
coercions made explicit as `Coerce` nodes (language.md §2-§4, values.md §4-§5).

The compiler trusts what this module decided.  Semantic errors are reported
through the interpreter's reporter and checking goes on (exit 1 after
parsing); `unknown identifier` stops parsing, as in Bro.

The checker is split by concern: names.py (lookup and messages),
declarations.py (types, attributes, initialisers), coercion.py,
operators.py (operator typing), constructors.py, expressions.py (the
other expressions) and statements.py; expire_attrs.py checks the
expiration attributes; context.py holds Ctx.
"""
from __future__ import annotations

from .context import Ctx
from .coercion import Coercion
from .constructors import Constructors
from .declarations import Declarations
from .expire_attrs import ExpireAttrs
from .expressions import Expressions
from .names import Names
from .operators import Operators
from .statements import Statements

__all__ = ["Checker", "Ctx"]


class Checker(Names, Declarations, Coercion, Constructors, Operators, Expressions,
              Statements, ExpireAttrs):
    def __init__(self, interp):
        self.interp = interp
        self.globals = interp.globals
        self.poisoned = 0
