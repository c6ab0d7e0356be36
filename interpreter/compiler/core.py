"""Checked AST -> Python closures.

An expression compiles to `fn(frame) -> value`; a statement to
`fn(frame) -> signal` (None, or BREAK/NEXT/FALL/RETURN).  Names were bound
to slots or GlobalIDs by the checker, so nothing is looked up by string at
run time.  An expression without a value raises NoValue (after reporting);
an interpreter exception raises ExprError (values.md §7.2).
"""
from __future__ import annotations

import dataclasses

from .. import nodes as N
from ..errors import NoValue
from ..render import expr_text
from ..runtime.ops import deep_copy
from ..runtime.patterns import make_pattern, PatternError
from ..runtime.runtime import BREAK, NEXT, FALL, RETURN, Body, CallContext
from ..runtime.values import UNSET, RecordVal, VectorVal, FuncVal
from ..scope import GlobalID, LocalVar
from . import expressions as X
from . import statements as S
from . import stores
from .assigned import mark_assigned
from .codegen import compile_block, compile_expr
from .records import Records
from ..types import Kind as K
from ..nodes import Op
from ..scope import IdKind

class Compiler:
    # True while compiling what runs once, right away (an initialiser at
    # load): closures only, since generated code pays its cost of making
    # back only over many runs (declare.py evaluate_init)
    once = False

    def __init__(self, interp):
        self.interp = interp
        self.rt = interp.runtime
        self.records = Records(self)

    # ------------------------------------------------------------ expressions
    def expr(self, e):
        return compile_expr(self, e)

    def expr_once(self, e):
        """fn(frame) for an expression evaluated once, now (see `once`)."""
        outer, self.once = self.once, True
        try:
            return compile_expr(self, e)
        finally:
            self.once = outer

    def lazy_body(self, body, stmts):
        """`body.fn` for a checked body: compiled on its first call, then
        kept.  Most bodies of a run never run (issue 12 item 2): Bro's
        init-default declares thousands, and each node of a simulated
        cluster loads them all.  Compiling later sees the same checked tree,
        and the compiler reports nothing of its own (its closures report at
        run time), so the run is the same."""
        def first_call(frame):
            outer, self.once = self.once, False
            try:
                fn = body.fn = self.function_body(stmts)
            finally:
                self.once = outer
            return fn(frame)
        return first_call

    def closure(self, e):
        return getattr(self, "x_" + type(e).__name__)(e)

    def x_Const(self, e):
        v = e.value
        return lambda f: v

    def x_PatternLit(self, e):
        try:
            p = make_pattern(e.source, e.icase)
        except PatternError:
            # the checker has said "error compiling pattern", so the run
            # ends with status 1 before this could be evaluated; a &default
            # of a redef'd field can still reach the compiler (found by fuzzing)
            def no_pattern(f):
                raise NoValue
            return no_pattern
        return lambda f: p

    def x_Name(self, e):
        b = e.binding
        rt = self.rt
        if isinstance(b, LocalVar):
            slot = b.slot
            if e.assigned:
                return lambda f: f[slot]
            name = expr_text(e)
            loc = e.loc

            def local(f):
                v = f[slot]
                if v is UNSET:
                    rt.error("value used but not set", loc, name)
                    raise NoValue
                return v
            return local
        if b.kind == IdKind.TYPE:
            t = b.type
            return lambda f: t
        if b.kind == IdKind.ENUM:
            v = b.value
            return lambda f: v
        gid = b
        loc = e.loc

        def glob(f):
            v = gid.value
            if v is UNSET:
                rt.error("value used but not set", loc, gid.name)
                raise NoValue
            return v
        return glob

    def x_Coerce(self, e):
        return X.coerce_fn(self, e)

    def x_Unary(self, e):
        if e.op in (Op.INCR, Op.DECR):
            return stores.incdec_fn(self, e, 1 if e.op == Op.INCR else -1)
        return X.unary_fn(self, e)

    def x_Binary(self, e):
        return X.binary_fn(self, e)

    def x_Assign(self, e):
        return stores.assign_fn(self, e)

    def x_Cond(self, e):
        c, a, b = self.expr(e.cond), self.expr(e.then), self.expr(e.else_)
        return lambda f: a(f) if c(f) else b(f)

    def x_HookCall(self, e):
        call = e.call
        fn = self.expr(call.func)
        args = [self.expr(a) for a in call.args]
        rt = self.rt

        def hook(f):
            fv = fn(f)
            return rt.run_hook(fv, [a(f) for a in args])
        return hook

    def x_FieldExpr(self, e):
        return X.field_fn(self, e)

    def x_HasField(self, e):
        obj = self.expr(e.obj)
        i = e.field_index
        return lambda f: obj(f).vals[i] is not UNSET

    def x_Index(self, e):
        return X.index_fn(self, e)

    def x_Slice(self, e):
        return X.slice_fn(self, e)

    def x_Call(self, e):
        args = [self.expr(a) for a in e.args]
        rt = self.rt
        b = e.func.binding if isinstance(e.func, N.Name) else None
        if isinstance(b, GlobalID) and isinstance(b.value, FuncVal) and b.value.builtin is not None:
            return self.builtin_call(e, b.value, args)
        fn = self.expr(e.func)
        loc = e.loc
        call = rt.call
        if len(args) == 1:
            a0 = args[0]
            return lambda f: call(fn(f), [a0(f)], loc, e)
        return lambda f: call(fn(f), [a(f) for a in args], loc, e)

    def builtin_call(self, e, fv, args):
        """Builtins are constants: call the Python function directly."""
        impl = fv.builtin
        if fv.pure is not None and len(args) == 2:
            pure, (a0, a1) = fv.pure, args
            return lambda f: pure(a0(f), a1(f))
        ctx = CallContext(self.rt, e.loc, e)
        if fv.ftype.varargs:
            n = len(fv.ftype.params)
            fixed, rest = args[:n], args[n:]
            return lambda f: impl(ctx, *[a(f) for a in fixed], [a(f) for a in rest])
        if len(args) == 0:
            return lambda f: impl(ctx)
        if len(args) == 1:
            a0 = args[0]
            return lambda f: impl(ctx, a0(f))
        if len(args) == 2:
            a0, a1 = args
            return lambda f: impl(ctx, a0(f), a1(f))
        return lambda f: impl(ctx, *[a(f) for a in args])

    def x_Size(self, e):
        return X.size_fn(self, e)

    def x_Copy(self, e):
        x = self.expr(e.operand)
        return lambda f: deep_copy(x(f))

    def x_ListExpr(self, e):
        if e.type.kind == K.RECORD:
            return self.record_ctor(e.items, e.type)
        items = [self.expr(i) for i in e.items]
        return lambda f: [i(f) for i in items]

    def x_FieldAssign(self, e):
        return self.expr(e.value)

    def record_ctor(self, items, rtype):
        n = len(rtype.fields)
        sets = [(rtype.index[i.field], self.expr(i.value)) for i in items]

        def rec(f):
            vals = [UNSET] * n
            for idx, fn in sets:
                vals[idx] = fn(f)
            return RecordVal(rtype, vals)
        return rec

    def x_Ctor(self, e):
        t = e.type
        if e.kind == "record":
            return self.record_ctor(e.items, t)
        if e.kind == "vector":
            items = [self.expr(i) for i in e.items]
            return lambda f: VectorVal(t, [i(f) for i in items])
        return X.table_ctor_fn(self, e, t)

    def x_Lambda(self, e):
        # no closures in Bro 2.6 (language.md §2.6.4): the function value is
        # a constant, its body a body of its own
        inits = [(v.slot, self.records.maker(v.type, attrs)) for v, attrs in e.scope.aggregate_inits]
        fv = FuncVal("anonymous-function", e.type)
        body = Body(_no_statements, 0, e.scope.nslots, 0, inits)
        if e.body:
            body.fn = (self.lazy_body(body, e.body) if self.interp.lazy_bodies
                       else self.function_body(e.body))
        fv.bodies = [body]
        return lambda f: fv

    def x_Cast(self, e):
        return X.cast_fn(self, e)

    def x_Schedule(self, e):
        when = self.expr(e.when)
        args = [self.expr(a) for a in e.args]
        rt = self.rt
        name = e.event
        is_time = e.when.type.kind == K.TIME

        def sched(f):
            w = when(f)
            rt.schedule(name, [a(f) for a in args], w if is_time else rt.network_time + w)
            return None
        return sched

    def x_InitList(self, e):
        return X.init_list_fn(self, e)

    # ------------------------------------------------------------ statements
    def function_body(self, stmts):
        """A whole body (function, event, hook, anonymous function, or the
        top-level statements): definite assignment first, then compiled."""
        mark_assigned(stmts)
        return self.body(stmts)

    def body(self, stmts):
        """A statement list -> one closure: `s0(f) or s1(f) or ...`, which runs
        the statements in order and stops at the first control signal.
        Lists with assignments and ifs become one generated function."""
        fast = compile_block(self, stmts)
        if fast is not None:
            return fast
        fns = [self.stmt(s) for s in stmts]
        fns = [x for x in fns if x is not None]
        if not fns:
            return lambda f: None
        if len(fns) == 1:
            return fns[0]
        chunks = [fns[i:i + 64] for i in range(0, len(fns), 64)]
        runs = []
        for chunk in chunks:
            env = {f"_s{i}": fn for i, fn in enumerate(chunk)}
            src = "lambda f: " + " or ".join(f"_s{i}(f)" for i in range(len(chunk)))
            runs.append(eval(src, env))
        if len(runs) == 1:
            return runs[0]

        def run(f):
            for r in runs:
                sig = r(f)
                if sig:
                    return sig
            return None
        return run

    # statements that cannot fail, or that catch NoValue themselves
    UNGUARDED = (N.Block, N.IfStmt, N.ForStmt, N.WhileStmt, N.SwitchStmt, N.ExprStmt,
                 N.LocalStmt, N.NextStmt, N.BreakStmt, N.FallthroughStmt)

    def stmt(self, s):
        inner = getattr(self, "s_" + type(s).__name__)(s)
        if inner is None or isinstance(s, self.UNGUARDED):
            return inner

        def guarded(f):
            try:
                return inner(f)
            except NoValue:
                return None
        return guarded

    def s_PrintStmt(self, s):
        exprs = [self.expr(e) for e in s.exprs]
        types = [e.type for e in s.exprs]
        rt = self.rt
        if types and types[0].kind == K.FILE:
            rest_t = types[1:]

            def fprint(f):
                vals = [x(f) for x in exprs]
                rt.print_to_file(vals[0], rest_t, vals[1:])
            return fprint

        def pr(f):
            vals = [x(f) for x in exprs]
            rt.print_values(types, vals)
        return pr

    def s_EventStmt(self, s):
        args = [self.expr(a) for a in s.args]
        rt = self.rt
        name = s.name

        def ev(f):
            rt.queue_event(name, [a(f) for a in args])
        return ev

    def s_IfStmt(self, s):
        cond = self.expr(s.cond)
        then = self.stmt(s.then)
        els = self.stmt(s.else_) if s.else_ is not None else None

        def if_(f):
            try:
                c = cond(f)
            except NoValue:
                return None
            if c:
                return then(f) if then else None
            if els is not None:
                return els(f)
            return None
        return if_

    def s_SwitchStmt(self, s):
        return S.switch_fn(self, s)

    def s_ForStmt(self, s):
        return S.for_fn(self, s)

    def s_WhileStmt(self, s):
        cond = self.expr(s.cond)
        body = self.stmt(s.body) or (lambda f: None)
        budget = self.rt.budget
        loc = s.loc

        def while_(f):
            while True:
                budget.left -= 1
                if budget.left < 0:
                    budget.exceeded(loc)
                try:
                    if not cond(f):
                        return None
                except NoValue:
                    return None
                sig = body(f)
                if sig == BREAK:
                    return None
                if sig == RETURN:
                    return sig
        return while_

    def s_NextStmt(self, s):
        return lambda f: NEXT

    def s_BreakStmt(self, s):
        return lambda f: BREAK

    def s_FallthroughStmt(self, s):
        return lambda f: FALL

    def s_ReturnStmt(self, s):
        if s.expr is None:
            return lambda f: RETURN
        x = self.expr(s.expr)

        def ret(f):
            f[0] = x(f)
            return RETURN
        return ret

    def s_AddStmt(self, s):
        return S.add_fn(self, s)

    def s_DeleteStmt(self, s):
        return S.delete_fn(self, s)

    def s_LocalStmt(self, s):
        if s.init is None:
            return None
        x = self.expr(s.init)
        slot = s.var.slot
        give = self.records.default_setter(s.checked_attrs, s.var.type)
        if give is not None:
            def local_table(f):
                try:
                    v = x(f)
                except NoValue:
                    return
                f[slot] = give(v)
            return local_table

        def local(f):
            try:
                f[slot] = x(f)
            except NoValue:
                pass
        return local

    def s_WhenStmt(self, s):
        # a trigger of runtime/triggers.py (bifs/core-3.md §1.3)
        if isinstance(s.cond, N.LocalStmt):
            # `local x = e` is T whenever e has a value, whatever the value
            init, slot = self.expr(s.cond.init), s.cond.var.slot

            def cond(f):
                f[slot] = init(f)
                return True
        else:
            cond = self.expr(s.cond)
        body = self.stmt(s.body)
        timeout = self.expr(s.timeout) if s.timeout is not None else None
        timeout_body = self.body(s.timeout_body) if s.timeout_body else None
        triggers, is_return = self.rt.triggers, s.is_return
        watch = condition_globals(s.cond)

        def when(f):
            triggers.when(cond, body, timeout, timeout_body, is_return, f, watch)
        return when

    def s_Block(self, s):
        return self.body(s.stmts) if s.stmts else None

    def s_ExprStmt(self, s):
        x = self.expr(s.expr)

        def es(f):
            try:
                x(f)
            except NoValue:
                pass
        return es

    def s_NullStmt(self, s):
        return None


def condition_globals(cond) -> list:
    """The global identifiers a `when` condition names, as Bro's
    TriggerTraversalCallback finds them: every name in the expression,
    through calls' arguments but not into function bodies."""
    found: list = []
    stack = [cond]
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(n)
            continue
        if not isinstance(n, N.Node) or isinstance(n, N.Lambda):
            continue
        if isinstance(n, N.Name):
            b = n.binding
            if isinstance(b, GlobalID) and b.kind not in (IdKind.TYPE, IdKind.ENUM, IdKind.FUNC) \
                    and all(b is not x for x in found):
                found.append(b)
            continue
        for f in dataclasses.fields(n):
            if f.name in ("loc", "type"):
                continue
            v = getattr(n, f.name, None)
            if isinstance(v, (N.Node, list)):
                stack.append(v)
    return found


def _no_statements(frame):
    return None
