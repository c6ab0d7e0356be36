"""Statements as Bro's messages describe them (Stmt.cc Describe in short,
readable mode), for the `(...)` part of a message about a statement: a
case block, a whole `switch`, a `return` (language.md §6.1, §6.2).

Each statement's keyword is followed by one space (AddTag), a `return`'s
value is in parentheses, a statement list is `{ ` + its statements, with
nothing between them (a newline is dropped in short mode), + `}`, and no
statement ends in `;`: `case 1:{ print 1}`,
`case type bool, type count:{ return (Bool or address!)}`.
"""
from __future__ import annotations

from .. import nodes as N
from ..render import expr_text
from .names import type_desc


def stmt_desc(s) -> str:
    if isinstance(s, N.PrintStmt):
        return "print " + ", ".join(expr_text(e) for e in s.exprs)
    if isinstance(s, N.ReturnStmt):
        return "return " + (f"({expr_text(s.expr)})" if s.expr is not None else "")
    if isinstance(s, N.ExprStmt):
        return expr_text(s.expr)
    if isinstance(s, N.BreakStmt):
        return "break "
    if isinstance(s, N.NextStmt):
        return "next "
    if isinstance(s, N.FallthroughStmt):
        return "fallthrough "
    if isinstance(s, N.EventStmt):
        return f"event {s.name}({', '.join(expr_text(a) for a in s.args)})"
    if isinstance(s, N.AddStmt):
        return "add " + expr_text(s.expr)
    if isinstance(s, N.DeleteStmt):
        return "delete " + expr_text(s.expr)
    if isinstance(s, N.Block):
        return list_desc(s.stmts)
    if isinstance(s, N.IfStmt):
        text = f"if ({expr_text(s.cond)}) {stmt_desc(s.then)}"
        if s.else_ is not None:
            text += "else" + stmt_desc(s.else_)
        return text
    if isinstance(s, N.SwitchStmt):
        return switch_desc(s)
    if isinstance(s, N.WhileStmt):
        return f"while ({expr_text(s.cond)}) {stmt_desc(s.body)}"
    if isinstance(s, N.ForStmt):
        return f"for ({', '.join(s.vars)} in {expr_text(s.expr)}) {stmt_desc(s.body)}"
    if isinstance(s, N.LocalStmt):
        return s.name + (f" = {expr_text(s.init)}" if s.init is not None else "")
    return ""


def list_desc(stmts) -> str:
    if not stmts:
        return ""
    return "{ " + "".join(stmt_desc(x) for x in stmts) + "}"


def case_desc(c) -> str:
    if c.default:
        head = "default:"
    elif c.values:
        head = "case " + ", ".join(expr_text(v) for v in c.values) + ":"
    else:
        parts = []
        for t, var in c.types:
            text = "type " + (type_desc(t) if hasattr(t, "kind") else str(t))
            if var is not None:
                text += " as " + var.name
            parts.append(text)
        head = "case " + ", ".join(parts) + ":"
    return head + list_desc(c.body)


def switch_desc(s) -> str:
    expr = expr_text(s.expr)
    if getattr(s, "paren", True):
        expr = f"({expr})"
    return f"switch {expr} {{" + "".join(case_desc(c) for c in s.cases) + "}"
