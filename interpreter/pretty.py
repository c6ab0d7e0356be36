"""Parseable source text for expressions (for round-trip tests and tools).

Unlike render.py, which copies Bro's message style, this writes text that
parses back to the same tree: every compound expression is parenthesised and
constants are written as literals.
"""
from __future__ import annotations

from . import nodes as N


def _string_literal(b: bytes) -> str:
    out = []
    for c in b:
        if c in (0x22, 0x5C):
            out.append("\\" + chr(c))
        elif 0x20 <= c <= 0x7E:
            out.append(chr(c))
        else:
            out.append(f"\\x{c:02x}")
    return '"' + "".join(out) + '"'


def source(e) -> str:
    if isinstance(e, N.Const):
        k = e.type.kind
        if k == "string":
            return _string_literal(e.value)
        if k == "bool":
            return "T" if e.value else "F"
        if e.text:
            return e.text
        return repr(e.value)
    if isinstance(e, N.PatternLit):
        return f"/{e.source}/" + ("i" if e.icase else "")
    if isinstance(e, N.Name):
        return e.name
    if isinstance(e, N.Binary):
        left = source(e.left)
        if e.op == "/" and isinstance(e.left, N.Const) and e.left.type.kind in ("addr", "subnet"):
            # `10.0.0.1 / 1.5` would be read as the subnet literal
            # `10.0.0.1 / 1` (whitespace may stand around its `/`, as in
            # Bro's scanner) followed by `.5`; in parentheses it is an operand
            left = f"({left})"
        return f"({left} {e.op} {source(e.right)})"
    if isinstance(e, N.Unary):
        return f"({e.op}{source(e.operand)})"
    if isinstance(e, N.Cond):
        return f"({source(e.cond)} ? {source(e.then)} : {source(e.else_)})"
    if isinstance(e, N.Assign):
        return f"({source(e.target)} {e.op} {source(e.value)})"
    if isinstance(e, N.FieldExpr):
        return f"{source(e.obj)}${e.field}"
    if isinstance(e, N.HasField):
        return f"{source(e.obj)}?${e.field}"
    if isinstance(e, N.Index):
        return f"{source(e.obj)}[{', '.join(source(i) for i in e.index)}]"
    if isinstance(e, N.Call):
        return f"{source(e.func)}({', '.join(source(a) for a in e.args)})"
    if isinstance(e, N.Size):
        return f"| {source(e.operand)} |"
    if isinstance(e, N.ListExpr):
        return "[" + ", ".join(source(i) for i in e.items) + "]"
    if isinstance(e, N.FieldAssign):
        return f"${e.field}={source(e.value)}"
    if isinstance(e, N.Ctor):
        return f"{e.kind}({', '.join(source(i) for i in e.items)})"
    if isinstance(e, N.Copy):
        return f"copy({source(e.operand)})"
    raise ValueError(f"no source form for {type(e).__name__}")
