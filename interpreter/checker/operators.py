"""Operator typing: unary and binary operators, element-wise vector
operators, comparisons and `in` (values.md §4)."""
from __future__ import annotations

import copy

from .. import nodes as N
from .. import types as T
from ..nodes import Op
from ..render import expr_text
from ..types import Kind as K


SAME_AS_LEFT = object()
NUMBERS = (K.COUNT, K.INT, K.DOUBLE)


def _arith_rules():
    """The arithmetic operators on other than two numbers (values.md §4.1):
    (operator, left kind, right kind) -> (result type, or SAME_AS_LEFT;
    the type the left operand is coerced to, or None; the same for the
    right).  Two numbers take the larger of their types (check_arith)."""
    rules = {
        (Op.ADD, K.STRING, K.STRING): (T.STRING, None, None),
        (Op.SUB, K.TABLE, K.TABLE): (SAME_AS_LEFT, None, None),
        (Op.ADD, K.TIME, K.INTERVAL): (T.TIME, None, None),
        (Op.SUB, K.TIME, K.INTERVAL): (T.TIME, None, None),
        (Op.ADD, K.INTERVAL, K.TIME): (T.TIME, None, None),
        (Op.SUB, K.TIME, K.TIME): (T.INTERVAL, None, None),
        (Op.ADD, K.INTERVAL, K.INTERVAL): (T.INTERVAL, None, None),
        (Op.SUB, K.INTERVAL, K.INTERVAL): (T.INTERVAL, None, None),
        (Op.DIV, K.INTERVAL, K.INTERVAL): (T.DOUBLE, None, None),
        (Op.DIV, K.ADDR, K.COUNT): (T.SUBNET, None, None),
        (Op.DIV, K.ADDR, K.INT): (T.SUBNET, None, None),
    }
    for op in (Op.MUL, Op.DIV):
        for n in NUMBERS:
            rules[(op, K.INTERVAL, n)] = (T.INTERVAL, None, T.DOUBLE)
            rules[(op, n, K.INTERVAL)] = (T.INTERVAL, T.DOUBLE, None)
    return rules


ARITH_RULES = _arith_rules()


class Operators:
    def x_Unary(self, e, ctx):
        e.op = Op(e.op)
        e.operand = self.check_expr(e.operand, ctx)
        t = e.operand.type
        op = e.op
        if op == Op.NOT:
            if t.kind != K.BOOL and not t.is_integral():
                self.error("requires bool operand", e.loc, expr_text(e))
            e.type = T.BOOL
        elif op == Op.COMPL:
            if t.kind != K.COUNT:
                self.error("requires \"count\" operand", e.loc, expr_text(e))
            e.type = T.COUNT
        elif op in (Op.SUB, Op.ADD):
            # a vector's elements take the scalar rule (values.md §4.1)
            et = (t.yield_ or T.ANY) if t.kind == K.VECTOR else t
            if et.kind in (K.COUNT, K.INT):
                rt = T.INT
            elif et.kind in (K.DOUBLE, K.INTERVAL):
                rt = et
            else:
                self.error("requires arithmetic operand", e.loc, expr_text(e))
                e.type = T.ERROR
                return e
            e.type = rt if t.kind != K.VECTOR else (t if rt is et else T.VectorType(rt))
        elif op in (Op.INCR, Op.DECR):
            if not self.check_lvalue(e.operand, ctx):
                # Bro's IncrExpr takes MakeLvalue()'s error and says no more
                e.type = T.ERROR
                return e
            if not t.is_integral() and not (t.kind == K.VECTOR and t.yield_ and t.yield_.is_integral()):
                self.error("requires an integral operand", e.loc, expr_text(e))
            e.type = t
        return e

    ARITH_OPS = (Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD)

    def x_Binary(self, e, ctx):
        op = e.op = Op(e.op)
        e.left = self.check_expr(e.left, ctx)
        e.right = self.check_expr(e.right, ctx)
        lt, rt = e.left.type, e.right.type
        if lt.kind == K.ERROR or rt.kind == K.ERROR:
            e.type = T.ERROR
            return e
        if op in (Op.LAND, Op.LOR):
            return self.check_logical(e)
        if op in (Op.IN, Op.NOT_IN):
            return self.check_in(e, ctx)
        if op in (Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE):
            return self.check_compare(e, ctx)
        if lt.kind == K.VECTOR or rt.kind == K.VECTOR:
            if lt.kind != rt.kind:
                self.warn("mixing vector and scalar operands is deprecated", e.loc, expr_text(e))
            return self.check_elementwise(e, ctx)
        if op in self.ARITH_OPS:
            return self.check_arith(e, ctx)
        return self.check_bitwise(e, ctx)

    def check_logical(self, e):
        """`&&`/`||` look through vectors to their yield type as Bro's BoolExpr
        does: bool operands give bool; a vector of bool on either side gives
        a vector of bool, element-wise (values.md §4.3, §4.1)."""
        lt, rt = e.left.type, e.right.type
        yl = (lt.yield_ or T.ANY) if lt.kind == K.VECTOR else lt
        yr = (rt.yield_ or T.ANY) if rt.kind == K.VECTOR else rt
        if yl.kind != K.BOOL or yr.kind != K.BOOL:
            self.error("requires boolean operands", e.loc, expr_text(e))
            e.type = T.ERROR if K.VECTOR in (lt.kind, rt.kind) else T.BOOL
            return e
        if lt.kind == K.VECTOR or rt.kind == K.VECTOR:
            if lt.kind != rt.kind:
                self.warn("mixing vector and scalar operands is deprecated", e.loc, expr_text(e))
            e.type = T.VectorType(T.BOOL)
            return e
        e.type = T.BOOL
        return e

    def check_bitwise(self, e, ctx):
        op = e.op
        lt, rt = e.left.type, e.right.type
        if lt.kind == K.COUNT and rt.kind == K.COUNT:
            e.type = T.COUNT
        elif lt.kind == K.TABLE and rt.kind == K.TABLE and op != Op.XOR:
            if not T.same_type(lt, rt):
                self.error("incompatible Set types", e.loc, expr_text(e))
            e.type = lt
        elif lt.kind == K.PATTERN and rt.kind == K.PATTERN and op != Op.XOR:
            e.type = T.PATTERN
        else:
            self.error("arithmetic mixed with non-arithmetic", e.loc, expr_text(e.left), expr_text(e.right))
            e.type = T.ERROR
        return e

    def check_arith(self, e, ctx):
        op = e.op
        lt, rt = e.left.type, e.right.type
        lk, rk = lt.kind, rt.kind
        if lt.is_arith() and rt.is_arith():
            if op == Op.MOD and (lk == K.DOUBLE or rk == K.DOUBLE):
                self.error("requires integral operands", e.loc, expr_text(e))
            t = T.max_arith(lt, rt)
            e.left = self.coerce(e.left, t, ctx)
            e.right = self.coerce(e.right, t, ctx)
            e.type = t
            return e
        rule = ARITH_RULES.get((op, lk, rk))
        if rule is not None:
            result, left_to, right_to = rule
            if left_to is not None:
                e.left = self.coerce(e.left, left_to, ctx)
            if right_to is not None:
                e.right = self.coerce(e.right, right_to, ctx)
            e.type = lt if result is SAME_AS_LEFT else result
            return e
        if lt.is_arith() or rt.is_arith():
            self.error("arithmetic mixed with non-arithmetic", e.loc, expr_text(e.left), expr_text(e.right))
        else:
            self.error("requires arithmetic operands", e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    COMPARE_OPS = (Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE)

    def check_elementwise(self, e, ctx):
        """`v1 op v2`, `v op x`: Bro's operators look through a vector to its
        yield type, so each pair of elements must pass the scalar rules, with
        the scalar messages; the result is a vector of the scalar result
        (values.md §4.1)."""
        def element(side):
            # the same expression (it renders the same in messages), typed
            # as one of its elements
            t = side.type
            el = copy.copy(side)
            el.type = (t.yield_ or T.ANY) if t.kind == K.VECTOR else t
            return el
        el = N.Binary(e.loc, e.op, element(e.left), element(e.right))
        if el.left.type.kind == K.ERROR or el.right.type.kind == K.ERROR:
            e.type = T.ERROR
            return e
        if e.op in self.COMPARE_OPS:
            self.check_compare(el, ctx)
        elif e.op in self.ARITH_OPS:
            self.check_arith(el, ctx)
        else:
            self.check_bitwise(el, ctx)
        e.elem = el
        if el.type.kind == K.ERROR:
            e.type = T.ERROR
            return e
        for side in (e.left.type, e.right.type):
            if side.kind == K.VECTOR and side.yield_ is not None and T.same_type(side.yield_, el.type):
                e.type = side
                return e
        e.type = T.VectorType(el.type)
        return e

    def check_compare(self, e, ctx):
        lt, rt = e.left.type, e.right.type
        lk, rk = lt.kind, rt.kind
        e.type = T.BOOL
        if lk == K.VECTOR or rk == K.VECTOR:
            return self.check_elementwise(e, ctx)
        if lt.is_arith() and rt.is_arith():
            t = T.max_arith(lt, rt)
            e.left = self.coerce(e.left, t, ctx)
            e.right = self.coerce(e.right, t, ctx)
            return e
        eq = e.op in (Op.EQ, Op.NE)
        if eq and {lk, rk} == {"pattern", "string"}:
            return e
        if lk == K.TIME and rt.is_arith() and isinstance(e.right, N.Const) and e.right.value == 0 and eq:
            e.right = N.Coerce(e.right.loc, e.right, type=T.TIME)
            return e
        if lk != rk:
            if eq:
                self.error("type clash in comparison", e.loc, expr_text(e.left), expr_text(e.right))
            else:
                self.error("operands must be of the same type", e.loc, expr_text(e))
            return e
        if lk in (K.RECORD, K.ANY) or (lk == K.TABLE and not lt.is_set) or lk == K.PATTERN:
            self.error("illegal comparison", e.loc, expr_text(e))
            return e
        if lk == K.TABLE:
            return e
        if lk in (K.BOOL, K.ENUM, K.SUBNET, K.FUNC) and not eq:
            self.error("illegal comparison", e.loc, expr_text(e))
        if lk == K.ENUM and lt is not rt:
            self.error("illegal enum comparison", e.loc, expr_text(e))
        return e

    def check_in(self, e, ctx):
        rt = e.right.type
        lt = e.left.type
        e.type = T.BOOL
        rk = rt.kind
        if rk == K.TABLE:
            if isinstance(e.left, N.ListExpr) and not self.is_record_ctor(e.left):
                idx = [self.check_expr(i, ctx) if i.type is None else i for i in e.left.items]
            else:
                idx = [e.left]
            if len(idx) == 1 and idx[0].type.kind == K.ADDR and rt.indices \
                    and len(rt.indices) == 1 and rt.indices[0].kind == K.SUBNET:
                # addr in set[subnet]: does some prefix cover it (values.md §4.5)
                e.left = N.ListExpr(e.left.loc, idx, type=T.ListType([]))
                return e
            e.left = N.ListExpr(e.left.loc, self.check_index(idx, rt, ctx, e), type=T.ListType([]))
            return e
        if rk == K.VECTOR:
            if not lt.is_integral():
                self.error("index type doesn't match vector", e.loc, expr_text(e))
            return e
        if rk == K.STRING and lt.kind in (K.STRING, K.PATTERN):
            return e
        if rk == K.SUBNET and lt.kind == K.ADDR:
            return e
        if lt.kind == K.PATTERN and rk == K.STRING:
            return e
        self.error("not an index type", e.loc, expr_text(e))
        return e
