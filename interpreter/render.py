"""Source-like rendering of expressions for messages (values.md §7.1).

Bro re-renders the expression object: names with their module, constants as
values with strings unquoted, `(coerce X to T)` for inserted coercions.
"""
from __future__ import annotations

from . import nodes as N
from .types import Kind as K


def expr_text(e) -> str:
    if e is None:
        return ""
    if isinstance(e, N.Name):
        b = e.binding
        if b is not None and hasattr(b, "module"):
            return b.name
        return e.full or e.name
    if isinstance(e, N.Const):
        return const_text(e)
    if isinstance(e, N.PatternLit):
        return f"/^?({e.source})$?/"
    if isinstance(e, N.Binary):
        return f"{expr_text(e.left)} {e.op} {expr_text(e.right)}"
    if isinstance(e, N.Unary):
        return f"{e.op}{expr_text(e.operand)}"
    if isinstance(e, N.Assign):
        return f"{expr_text(e.target)} {e.op} {expr_text(e.value)}"
    if isinstance(e, N.Cond):
        return f"{expr_text(e.cond)} ? {expr_text(e.then)} : {expr_text(e.else_)}"
    if isinstance(e, N.FieldExpr):
        return f"{expr_text(e.obj)}${e.field}"
    if isinstance(e, N.HasField):
        return f"{expr_text(e.obj)}?${e.field}"
    if isinstance(e, N.Index):
        return f"{expr_text(e.obj)}[{', '.join(expr_text(i) for i in e.index)}]"
    if isinstance(e, N.Slice):
        return f"{expr_text(e.obj)}[{expr_text(e.lo)}:{expr_text(e.hi)}]"
    if isinstance(e, N.Call):
        return f"{expr_text(e.func)}({', '.join(expr_text(a) for a in e.args)})"
    if isinstance(e, N.HookCall):
        return f"hook {expr_text(e.call)}"
    if isinstance(e, N.Size):
        return f"|{expr_text(e.operand)}|"
    if isinstance(e, N.Copy):
        return f"copy({expr_text(e.operand)})"
    if isinstance(e, N.ListExpr):
        inner = ", ".join(expr_text(i) for i in e.items)
        if not e.items or all(isinstance(i, N.FieldAssign) for i in e.items):
            return f"[{inner}]"     # a record constructor
        # an index list (`[k] = v`, `[a, b] in s`): ListExpr::Describe
        # writes the elements alone
        return inner
    if isinstance(e, N.FieldAssign):
        return f"${e.field}={expr_text(e.value)}"
    if isinstance(e, N.Ctor):
        inner = ", ".join(expr_text(i) for i in e.items)
        if e.kind == "record":
            return f"[{inner}]"
        return f"{e.kind}({inner})"
    if isinstance(e, N.Cast):
        from .types import type_name
        t = e.target_type
        # a named type by its name (Type::Describe, short)
        return f"{expr_text(e.operand)} {e.op} {(t.name or type_name(t)) if t else '?'}"
    if isinstance(e, N.Coerce):
        from .types import type_name
        t = e.type
        if t.kind not in (K.RECORD, K.TABLE, K.VECTOR) and not e.shown:
            # arithmetic promotion and `any` boxing are invisible in messages
            return expr_text(e.operand)
        tn = t.name if t.name else type_name(t)
        return f"(coerce {expr_text(e.operand)} to {tn})"
    if isinstance(e, N.Schedule):
        return f"schedule {expr_text(e.when)} {{ {e.event}({', '.join(expr_text(a) for a in e.args)}) }}"
    if isinstance(e, N.Lambda):
        return "function()"
    if isinstance(e, N.InitList):
        # Bro's parser makes `{ a, b }` a ListExpr, described without braces
        return ", ".join(expr_text(i) for i in e.items)
    return "<expr>"


def callee_text(desc):
    """The function part of a call site, as "value used but not set" names
    it, or None when the site is not a call (a table's &default function)."""
    return expr_text(desc.func) if isinstance(desc, N.Call) else None


def const_text(e) -> str:
    from .runtime.describe import describe
    if e.type is not None and e.type.kind == K.STRING:
        return e.value.decode("latin-1")
    try:
        return describe(e.type, e.value, "short").decode("latin-1")
    except Exception:  # pragma: no cover - describe covers every constant type
        return e.text
