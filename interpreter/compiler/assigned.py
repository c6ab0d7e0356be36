"""Definite assignment: which reads of a local surely find a value.

One pass over a checked body, before it is compiled, sets `Name.assigned`
on each read of a local that every path to it has given a value; both
back ends read that flag (codegen.py writes `f[slot]` without the unset
check, core.py's closure for the name skips it).  A read that may find the
local unset keeps the check and reports "value used but not set"
(language.md §3.5).

What is learnt: `local x = e` and `x = e` when e cannot run out of a value
(`safe`), and a `for` loop's variable inside its body.  What is forgotten:
whatever an `if` arm, a loop body, a `switch` case or a `when` body learns
holds only inside it.  Nothing ever takes a local's value away, so what is
known before a statement stays known after it.  An anonymous function is
a body of its own, marked when it is compiled.
"""
from __future__ import annotations

from dataclasses import fields

from .. import nodes as N
from ..nodes import Op
from ..scope import LocalVar
from ..types import Kind as K

ARITH_OR_COMPARE = (Op.ADD, Op.SUB, Op.MUL, Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE)


def mark_assigned(stmts) -> None:
    _Pass().block(stmts, set())


def safe(e) -> bool:
    """Whether evaluating e cannot run out of a value (raise NoValue):
    integer constants, assigned locals, and integer arithmetic or
    comparisons of those."""
    if isinstance(e, N.Const):
        return type(e.value) is int
    if isinstance(e, N.Name):
        return isinstance(e.binding, LocalVar) and e.assigned
    if isinstance(e, N.Unary):
        return e.op == Op.SUB and isinstance(e.operand, N.Const) and type(e.operand.value) is int
    if isinstance(e, N.Coerce):
        return e.type.kind in (K.INT, K.DOUBLE) and e.operand.type.kind in (K.COUNT, K.INT) \
            and safe(e.operand)
    if isinstance(e, N.Binary):
        return e.op in ARITH_OR_COMPARE and e.left.type.kind == e.right.type.kind \
            and e.left.type.kind in (K.COUNT, K.INT) and safe(e.left) and safe(e.right)
    return False


class _Pass:
    def block(self, stmts, known: set) -> None:
        for s in stmts:
            self.stmt(s, known)

    def stmt(self, s, known: set) -> None:
        if isinstance(s, N.Block):
            self.block(s.stmts, known)
        elif isinstance(s, N.ExprStmt):
            self.expr(s.expr, known)
            e = s.expr
            if isinstance(e, N.Assign) and e.op == Op.ASSIGN and isinstance(e.target, N.Name) \
                    and isinstance(e.target.binding, LocalVar) and safe(e.value):
                known.add(e.target.binding.slot)
        elif isinstance(s, N.LocalStmt):
            if s.init is not None:
                self.expr(s.init, known)
                if safe(s.init):
                    known.add(s.var.slot)
        elif isinstance(s, N.IfStmt):
            self.expr(s.cond, known)
            self.stmt(s.then, set(known))
            if s.else_ is not None:
                self.stmt(s.else_, set(known))
        elif isinstance(s, N.WhileStmt):
            self.expr(s.cond, known)
            self.stmt(s.body, set(known))
        elif isinstance(s, N.ForStmt):
            self.expr(s.expr, known)
            inner = set(known)
            inner.update(v.slot for v in s.slots)
            self.stmt(s.body, inner)
        elif isinstance(s, N.SwitchStmt):
            self.expr(s.expr, known)
            for c in s.cases:
                for v in c.values or ():
                    self.expr(v, known)
                self.block(c.body, set(known))
        elif isinstance(s, N.WhenStmt):
            inner = set(known)
            if isinstance(s.cond, N.LocalStmt):
                # `when (local x = e)`: x holds e's value in the body
                self.stmt(s.cond, inner)
            else:
                self.expr(s.cond, inner)
            self.stmt(s.body, inner)
            if s.timeout is not None:
                self.expr(s.timeout, known)
                self.block(s.timeout_body or (), set(known))
        elif isinstance(s, N.PrintStmt):
            for e in s.exprs:
                self.expr(e, known)
        elif isinstance(s, N.EventStmt):
            for e in s.args:
                self.expr(e, known)
        elif isinstance(s, (N.ReturnStmt, N.AddStmt, N.DeleteStmt)):
            if s.expr is not None:
                self.expr(s.expr, known)

    def expr(self, e, known: set) -> None:
        if isinstance(e, N.Name):
            b = e.binding
            e.assigned = isinstance(b, LocalVar) and b.slot in known
            return
        if isinstance(e, N.Lambda):
            return                  # its own frame, marked when compiled
        for f in fields(e):
            if f.name in ("elem", "type", "binding", "loc"):
                continue            # `elem` only stands for vector elements
            self.value(getattr(e, f.name), known)

    def value(self, v, known: set) -> None:
        if isinstance(v, N.Expr):
            self.expr(v, known)
        elif isinstance(v, (list, tuple)):
            for x in v:
                self.value(x, known)
