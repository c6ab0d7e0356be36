"""Operator typing: unary and binary operators, element-wise vector
operators, comparisons and `in` (values.md §4)."""
from __future__ import annotations

import copy

from .. import nodes as N
from .. import types as T
from ..nodes import Op
from ..render import expr_text
from ..scope import IdKind
from ..types import Kind as K
from .names import type_desc, type_loc


NUMBERS = (K.COUNT, K.INT, K.DOUBLE)


def _arith_rules():
    """The arithmetic operators on other than two numbers (values.md §4.1):
    (operator, left kind, right kind) -> (result type; the type the left operand is coerced to, or None; the same for the
    right).  Two numbers take the larger of their types (check_arith)."""
    rules = {
        (Op.ADD, K.STRING, K.STRING): (T.STRING, None, None),
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

# Bro's BroExprTag order (Expr.h), which EqExpr::Canonicize compares
_BINARY_TAGS = {Op.ADD: 9, Op.SUB: 10, Op.MUL: 13, Op.DIV: 14, Op.MOD: 15,
                Op.AND: 16, Op.OR: 17, Op.XOR: 18, Op.LAND: 19, Op.LOR: 20,
                Op.LT: 21, Op.LE: 22, Op.EQ: 23, Op.NE: 24, Op.GE: 25, Op.GT: 26,
                Op.IN: 39, Op.NOT_IN: 5}
_UNARY_TAGS = {Op.INCR: 3, Op.DECR: 4, Op.NOT: 5, Op.COMPL: 6, Op.ADD: 7, Op.SUB: 8}
_NODE_TAGS = {"Name": 0, "Const": 1, "PatternLit": 1, "Lambda": 1, "Copy": 2,
              "Cond": 27, "Index": 31, "Slice": 31, "FieldExpr": 32, "HasField": 33,
              "FieldAssign": 38, "ListExpr": 40, "Call": 41, "HookCall": 41,
              "Schedule": 43, "Size": 47}


def expr_tag(e) -> int:
    """The BroExprTag of the expression Bro builds for node `e`."""
    if isinstance(e, N.Name) and getattr(e.binding, "kind", None) == IdKind.ENUM:
        return 1    # the parser makes an enum constant a ConstExpr
    if isinstance(e, N.Binary):
        return _BINARY_TAGS.get(Op(e.op), 9)
    if isinstance(e, N.Unary):
        return _UNARY_TAGS.get(Op(e.op), 5)
    if isinstance(e, N.Assign):
        return {"+=": 11, "-=": 12}.get(e.op, 29)
    if isinstance(e, N.Ctor):
        return {"record": 34, "table": 35, "set": 36, "vector": 37}.get(e.kind, 34)
    if isinstance(e, N.ListExpr):
        return 34 if e.items and all(isinstance(i, N.FieldAssign) for i in e.items) else 40
    if isinstance(e, N.Cast):
        return 50 if e.op == "is" else 49
    if isinstance(e, N.Coerce):
        return {K.RECORD: 45, K.TABLE: 46}.get(e.type.kind, 44)
    return _NODE_TAGS.get(type(e).__name__, 41)


class Operators:
    def x_Unary(self, e, ctx):
        e.op = Op(e.op)
        e.operand = self.check_expr(e.operand, ctx)
        t = e.operand.type
        op = e.op
        if op == Op.NOT:
            if t.kind != K.BOOL and not t.is_integral():
                self.error("requires an integral or boolean operand", e.loc, expr_text(e))
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
                self.error("requires an integral or double operand", e.loc, expr_text(e))
                e.type = T.ERROR
                return e
            e.type = rt if t.kind != K.VECTOR else (t if rt is et else T.VectorType(rt))
        elif op in (Op.INCR, Op.DECR):
            if not self.check_lvalue(e.operand, ctx):
                # Bro's IncrExpr takes MakeLvalue()'s error and says no more
                e.type = T.ERROR
                return e
            if t.kind == K.VECTOR:
                if not (t.yield_ and t.yield_.is_integral()):
                    self.error("vector elements must be integral for increment operator",
                               e.loc, expr_text(e))
            elif not t.is_integral():
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
            self.canonicize(e)
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
        """Bro's BitExpr: counts, patterns (not `^`), or sets of one type."""
        op = e.op
        lt, rt = e.left.type, e.right.type
        if lt.kind == K.COUNT and rt.kind == K.COUNT:
            e.type = T.COUNT
        elif lt.kind == K.PATTERN:
            if rt.kind != K.PATTERN:
                return self.op_error(e, "cannot mix pattern and non-pattern operands")
            if op == Op.XOR:
                return self.op_error(e, "'^' operator does not apply to patterns")
            e.type = T.PATTERN
        elif self.is_set(lt) and self.is_set(rt) and op != Op.XOR:
            if not T.same_type(lt, rt):
                return self.op_error(e, 'incompatible "set" operands')
            e.type = lt
        else:
            return self.op_error(e, 'requires "count" or compatible "set" operands')
        return e

    @staticmethod
    def is_set(t) -> bool:
        return t.kind == K.TABLE and t.is_set

    def op_error(self, e, msg):
        """Bro's ExprError: the message, the whole expression, no type."""
        self.error(msg, e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    def check_arith(self, e, ctx):
        op = e.op
        lt, rt = e.left.type, e.right.type
        lk, rk = lt.kind, rt.kind
        if op == Op.MOD:
            # ModExpr: BothIntegral, or nothing
            if not (lt.is_integral() and rt.is_integral()):
                return self.op_error(e, "requires integral operands")
        if lt.is_arith() and rt.is_arith():
            t = T.max_arith(lt, rt)
            e.left = self.coerce(e.left, t, ctx)
            e.right = self.coerce(e.right, t, ctx)
            e.type = t
            return e
        if op == Op.SUB and self.is_set(lt) and self.is_set(rt):
            if not T.same_type(lt, rt):
                return self.op_error(e, 'incompatible "set" operands')
            e.type = lt
            return e
        rule = ARITH_RULES.get((op, lk, rk))
        if rule is not None:
            result, left_to, right_to = rule
            if left_to is not None:
                e.left = self.coerce(e.left, left_to, ctx)
            if right_to is not None:
                e.right = self.coerce(e.right, right_to, ctx)
            e.type = result
            return e
        if op == Op.MUL and K.INTERVAL in (lk, rk):
            return self.op_error(e, "multiplication with interval requires arithmetic operand")
        if op == Op.DIV and K.INTERVAL in (lk, rk):
            return self.op_error(e, "division of interval requires arithmetic operand")
        return self.op_error(e, "requires arithmetic operands")

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

    def canonicize(self, e):
        """Bro's RelExpr and EqExpr put their operands in a canonical order
        before checking (Canonicize): `a > b` is `b < a`, `a >= b` is
        `b <= a`; an equality has a pattern first, else the operand whose
        expression kind comes later in Bro's list first (`x == 1` is
        `1 == x`).  Messages describe, and Bro evaluates, that form."""
        op = e.op
        if op in (Op.GT, Op.GE):
            e.left, e.right = e.right, e.left
            e.op = Op.LT if op == Op.GT else Op.LE
        elif op in (Op.EQ, Op.NE):
            if self.elem_kind(e.right.type) == K.PATTERN:
                e.left, e.right = e.right, e.left
            elif self.elem_kind(e.left.type) == K.PATTERN:
                pass
            elif expr_tag(e.right) > expr_tag(e.left):
                e.left, e.right = e.right, e.left

    @staticmethod
    def elem_kind(t):
        return (t.yield_.kind if t.yield_ is not None else K.ANY) if t.kind == K.VECTOR else t.kind

    EQ_KINDS = (K.BOOL, K.TIME, K.INTERVAL, K.STRING, K.PORT, K.ADDR, K.SUBNET, K.ENUM)
    REL_KINDS = (K.TIME, K.INTERVAL, K.PORT, K.ADDR, K.STRING)

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
        if e.op in (Op.EQ, Op.NE):
            return self.check_equality(e)
        # RelExpr
        if self.is_set(lt) and self.is_set(rt):
            if not T.same_type(lt, rt):
                self.op_error(e, "incompatible sets in comparison")
        elif lk != rk:
            self.op_error(e, "operands must be of the same type")
        elif lk not in self.REL_KINDS:
            self.op_error(e, "illegal comparison")
        e.type = T.BOOL if e.type.kind != K.ERROR else e.type
        return e

    def check_equality(self, e):
        """Bro's EqExpr, after the arithmetic case."""
        lt, rt = e.left.type, e.right.type
        lk, rk = lt.kind, rt.kind
        if lk == K.TIME and rt.is_arith() and self.is_zero(e.right):
            e.right = N.Coerce(e.right.loc, e.right, type=T.TIME)
        elif rk == K.TIME and lt.is_arith() and self.is_zero(e.left):
            e.left = N.Coerce(e.left.loc, e.left, type=T.TIME)
        elif lk == rk:
            if lk == K.TABLE and lt.is_set and rt.is_set:
                if not T.same_type(lt, rt):
                    self.op_error(e, "incompatible sets in comparison")
            elif lk not in self.EQ_KINDS:
                self.op_error(e, "illegal comparison")
        elif not (lk == K.PATTERN and rk == K.STRING):
            self.op_error(e, "type clash in comparison")
        return e

    @staticmethod
    def is_zero(e) -> bool:
        return isinstance(e, N.Const) and e.value == 0

    def check_in(self, e, ctx):
        """Bro's InExpr (`!in` is `!` of it)."""
        rt = e.right.type
        lt = e.left.type
        e.type = T.BOOL
        rk = rt.kind
        if lt.kind == K.PATTERN:
            if rk != K.STRING:
                self.obj_error("pattern requires string index", type_loc(rt), type_desc(rt),
                               e.left.loc, expr_text(e.left))
                e.type = T.ERROR
            return e
        if lt.kind == K.RECORD and not isinstance(e.left, N.ListExpr):
            if rk != K.TABLE:
                self.error("table/set required", type_loc(rt) or e.loc, type_desc(rt))
                e.type = T.ERROR
                return e
        if lt.kind == K.STRING and rk == K.STRING:
            return e
        if lt.kind == K.ADDR and (rk == K.SUBNET or (rk == K.TABLE and rt.indices and len(rt.indices) == 1
                                                    and rt.indices[0].kind == K.SUBNET)):
            # addr in subnet / set[subnet]: does some prefix cover it (values.md §4.5)
            if rk == K.TABLE:
                e.left = N.ListExpr(e.left.loc, [e.left], type=T.ListType([]))
            return e
        if rk == K.TABLE:
            if isinstance(e.left, N.ListExpr) and not self.is_record_ctor(e.left):
                idx = [self.check_expr(i, ctx) if i.type is None else i for i in e.left.items]
            else:
                idx = [e.left]
            idx, ok = self.match_index(idx, rt, ctx)
            if not ok:
                return self.op_error(e, "not an index type")
            e.left = N.ListExpr(e.left.loc, idx, type=T.ListType([]))
            return e
        if rk == K.VECTOR:
            if not (lt.is_integral() or lt.kind == K.BOOL):
                return self.op_error(e, "not an index type")
            return e
        return self.op_error(e, "not an index type")
