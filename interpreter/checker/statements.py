"""Statements: each statement's expressions checked, locals bound to
slots, and the statement rules of language.md §4-§5."""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..errors import BroSyntaxError
from ..nodes import Op
from ..render import expr_text
from ..scope import GlobalID, IdKind, LocalVar
from ..types import Flavor
from ..types import Kind as K
from .context import Ctx


class Statements:
    def check_body(self, stmts, ctx: Ctx):
        return [self.check_stmt(s, ctx) for s in stmts]

    def check_stmt(self, s, ctx: Ctx):
        return getattr(self, "s_" + type(s).__name__)(s, ctx)

    def s_PrintStmt(self, s, ctx):
        s.exprs = [self.check_expr(e, ctx) for e in s.exprs]
        for e in s.exprs:
            if e.type is T.VOID:
                self.error("value of type void illegal", e.loc, expr_text(e))
        return s

    def s_EventStmt(self, s, ctx):
        b = self.lookup(s.name, ctx, s.loc)
        if b is None:
            s.gid, s.args = self.implicit_event(s.name, s.args, ctx)
            self.mark_generated(s.gid.name)
            return s
        self.mark_generated(getattr(b, "name", s.name))
        if isinstance(b, LocalVar):
            raise BroSyntaxError(f'local identifier "{s.name}" cannot be used to reference an event, at or near "{s.name}"', s.loc)
        ft = b.type
        if ft is None or ft.kind != K.FUNC or ft.flavor != Flavor.EVENT:
            self.error("not an event", s.loc, s.name)
            s.args = [self.check_expr(a, ctx) for a in s.args]
            return s
        call = N.Call(s.loc, N.Name(s.loc, s.name), s.args)
        s.args = self.check_args(s.args, ft, ctx, call, event=True)
        s.gid = b
        return s

    def s_IfStmt(self, s, ctx):
        s.cond = self.check_expr(s.cond, ctx)
        if s.cond.type.kind not in (K.BOOL, K.ERROR):
            self.error("conditional in test must be boolean", s.cond.loc, expr_text(s.cond))
        s.then = self.check_stmt(s.then, ctx)
        if s.else_ is not None:
            s.else_ = self.check_stmt(s.else_, ctx)
        return s

    def s_SwitchStmt(self, s, ctx):
        s.expr = self.check_expr(s.expr, ctx)
        st = s.expr.type
        has_vals = any(c.values for c in s.cases)
        has_types = any(c.types for c in s.cases)
        if has_vals and has_types:
            self.error("cannot mix cases with expressions and types", s.loc, "switch (" + expr_text(s.expr) + ") {…}")
        defaults = [c for c in s.cases if c.default]
        if len(defaults) > 1:
            self.error("multiple default labels", defaults[1].loc)
        seen = []
        ctx.switches += 1
        for c in s.cases:
            if c.values:
                vals = []
                for v in c.values:
                    v = self.check_expr(v, ctx)
                    if not self.is_constant(v):
                        self.error("case label expression isn't constant", v.loc, expr_text(v))
                    elif not (T.same_type(v.type, st) or (v.type.is_arith() and st.is_arith())):
                        self.error("case expression type differs from switch type", v.loc, expr_text(v))
                    elif v.type.is_arith() and st.is_arith() and v.type.kind != st.kind:
                        v = N.Coerce(v.loc, v, type=st)
                    vals.append(v)
                c.values = vals
            if c.types:
                ts = []
                for te, name in c.types:
                    t = self.resolve_type(te, ctx.module)
                    if any(T.same_type(t, x) for x in seen):
                        self.error("duplicate case label", c.loc)
                    seen.append(t)
                    var = None
                    if name is not None:
                        var = ctx.scope.get(name) if ctx.scope else None
                        if var is None and ctx.scope is not None:
                            var = ctx.scope.add(name, t)
                    ts.append((t, var))
                c.types = ts
            c.body = self.check_body(c.body, ctx)
            last = c.body[-1] if c.body else None
            if not isinstance(last, (N.BreakStmt, N.FallthroughStmt, N.ReturnStmt)):
                self.error("case block must end in break/fallthrough/return statement", c.loc,
                           self.case_text(c))
        ctx.switches -= 1
        return s

    def s_ForStmt(self, s, ctx):
        s.expr = self.check_expr(s.expr, ctx)
        t = s.expr.type
        if t.kind == K.TABLE:
            types = t.indices or []
            if len(types) != len(s.vars):
                self.error("wrong index size", s.loc)
                types = [T.ERROR] * len(s.vars)
        elif t.kind == K.VECTOR:
            if len(s.vars) != 1:
                self.error("iterating over a vector requires only a single index type", s.loc)
            types = [T.INT]
        elif t.kind == K.STRING:
            types = [T.STRING]
        else:
            if t.kind != K.ERROR:
                self.error("target to iterate over must be a table, set, vector, or string", s.loc, expr_text(s.expr))
            types = [T.ERROR] * len(s.vars)
        vars_ = []
        for name, vt in zip(s.vars, types):
            v = ctx.scope.get(name) if ctx.scope else None
            if v is None:
                if self.lookup_global(name, ctx.module) is not None:
                    self.error("global used in for loop", s.loc, name)
                v = self.add_local(ctx, name, vt, s.loc)
            elif not (T.same_type(v.type, vt) or (t.kind == K.VECTOR and v.type.is_integral())):
                self.error("type clash in iteration", s.loc, name)
            vars_.append(v)
        s.slots = vars_
        ctx.loops += 1
        s.body = self.check_stmt(s.body, ctx)
        ctx.loops -= 1
        return s

    def s_WhileStmt(self, s, ctx):
        s.cond = self.check_expr(s.cond, ctx)
        if s.cond.type.kind != K.BOOL:
            self.error("while conditional must be boolean", s.cond.loc, expr_text(s.cond))
        ctx.loops += 1
        s.body = self.check_stmt(s.body, ctx)
        ctx.loops -= 1
        return s

    def s_NextStmt(self, s, ctx):
        return s

    def s_BreakStmt(self, s, ctx):
        return s

    def s_FallthroughStmt(self, s, ctx):
        return s

    def s_ReturnStmt(self, s, ctx):
        sc = ctx.scope
        if sc is None or sc.flavor is None:
            self.error("return statement outside of function/event", s.loc)
            return s
        if s.expr is not None:
            s.expr = self.check_expr(s.expr, ctx)
            if sc.flavor == Flavor.HOOK:
                return s
            if sc.infer_ret is not None:
                # Bro's ReturnStmt: the first `return e` gives the yield type,
                # later returns are checked against it
                sc.ret = sc.infer_ret.ret = s.expr.type
                sc.infer_ret = None
                return s
            if sc.ret is None:
                self.error("return statement cannot have an expression", s.loc, expr_text(s.expr))
                return s
            s.expr = self.assign_coerce(s.expr, sc.ret, ctx, s.expr) if sc.ret.kind != K.ANY \
                else self.coerce(s.expr, sc.ret, ctx)
        elif sc.ret is not None and sc.flavor == Flavor.FUNCTION:
            self.error("return statement needs expression", s.loc)
        return s

    def s_AddStmt(self, s, ctx):
        e = s.expr
        if not isinstance(e, N.Index):
            self.error("illegal add statement", s.loc, expr_text(e))
            return s
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind != K.TABLE or not t.is_set:
            self.error("illegal add statement", s.loc, expr_text(e))
            return s
        if len(e.index) == 1 and isinstance(e.index[0], N.ListExpr) and not self.is_record_ctor(e.index[0]):
            e.index = e.index[0].items
        e.index = self.check_index(e.index, t, ctx, e)
        return s

    def s_DeleteStmt(self, s, ctx):
        e = s.expr
        if isinstance(e, N.FieldExpr):
            e = self.x_FieldExpr(e, ctx)
            s.expr = e
            if e.type.kind != K.ERROR:
                f = e.obj.type.field(e.field)
                if not f.attrs.has("&optional"):
                    self.error("illegal delete statement", s.loc, "delete " + expr_text(e))
            return s
        if isinstance(e, N.Index):
            e.obj = self.check_expr(e.obj, ctx)
            t = e.obj.type
            if t.kind != K.TABLE:
                self.error("illegal delete statement", s.loc, "delete " + expr_text(e))
                return s
            if len(e.index) == 1 and isinstance(e.index[0], N.ListExpr) and not self.is_record_ctor(e.index[0]):
                e.index = e.index[0].items
            e.index = self.check_index(e.index, t, ctx, e)
            return s
        self.error("illegal delete statement", s.loc, "delete " + expr_text(e))
        return s

    def s_LocalStmt(self, s, ctx):
        t = self.resolve_type(s.type, ctx.module) if s.type is not None else None
        if s.init_op in (Op.ADD_TO, Op.REMOVE_FROM):
            self.error("can't use += / -= for initializations of local variables", s.loc)
        if ctx.scope is not None and ctx.scope.get(s.name) is not None and ctx.scope is not self.interp.top_scope:
            self.error("already defined", s.loc, s.name)
        elif self.lookup_global(s.name, ctx.module) is not None:
            self.error("already a global identifier", s.loc, s.name)
        init = None
        if s.init is not None:
            init, t = self.init_value(s.init, t, ctx, s.name, s.loc)
        elif t is None:
            self.error("no type given", s.loc, s.name)
            t = T.ERROR
        if ctx.scope is None:
            ctx.scope = self.interp.top_scope
        existing = ctx.scope.get(s.name)
        var = existing if existing is not None else ctx.scope.add(s.name, t, s.kind)
        var.type = t
        s.var = var
        s.init = init
        s.checked_attrs = self.attrs(s.attrs, ctx.module, t)
        raw = s.checked_attrs.get("&raw_output")
        if raw is not None and t.kind != K.FILE:
            # on a local file it changes nothing (bifs/core-3.md §1.2)
            self.error("&raw_output only applicable to files", raw.loc, "&raw_output")
        if init is None and t.kind in (K.RECORD, K.TABLE, K.VECTOR) and ctx.scope is not self.interp.top_scope:
            ctx.scope.aggregate_inits.append((var, s.checked_attrs))
        return s

    def s_WhenStmt(self, s, ctx):
        if isinstance(s.cond, N.LocalStmt):
            # `when (local x = e)` declares x (bifs/core-3.md §1.3)
            s.cond = self.s_LocalStmt(s.cond, ctx)
        else:
            s.cond = self.check_expr(s.cond, ctx)
        s.body = self.check_stmt(s.body, ctx)
        if s.timeout is not None:
            s.timeout = self.check_expr(s.timeout, ctx)
            s.timeout_body = self.check_body(s.timeout_body, ctx)
        return s

    def s_Block(self, s, ctx):
        s.stmts = self.check_body(s.stmts, ctx)
        return s

    def s_ExprStmt(self, s, ctx):
        e = s.expr
        s.expr = self.check_expr(e, ctx)
        x = s.expr
        # Bro warns when the expression IsPure(); a call is impure unless it
        # is in error (CallExpr::IsPure returns 1 for an error), as after
        # "hook cannot be called directly" (language.md §6.2)
        pure = (isinstance(x, (N.Binary, N.Const, N.Name, N.Unary))
                and not (isinstance(x, N.Unary) and x.op in (Op.INCR, Op.DECR))
                or isinstance(x, N.Call) and x.type is T.ERROR)
        if pure:
            self.warn("expression value ignored", s.loc, expr_text(x))
        return s

    def s_NullStmt(self, s, ctx):
        return s

    def mark_generated(self, name: str):
        """An `event` statement or `schedule` marks its handler used (Bro's
        EventExpr), for check_for_unused_event_handlers (builtins/reporter.py)."""
        used = getattr(self.interp, "events_generated", None)
        if used is None:
            used = self.interp.events_generated = set()
        used.add(name)

    def implicit_event(self, name: str, args, ctx):
        """An event raised before any declaration or handler: Bro registers the
        handler by name and checks no argument types (EventExpr)."""
        from ..runtime.values import FuncVal
        args = [self.check_expr(a, ctx) for a in args]
        ft = T.FuncType("event", [T.Param(f"a{i}", a.type) for i, a in enumerate(args)], None)
        gid = GlobalID(name, "func", ft)
        gid.value = FuncVal(name, ft)
        gid.implicit = True
        gid.script = self.interp.current_script
        self.globals[name] = gid
        return gid, args

    def case_text(self, c) -> str:
        from ..render import expr_text as et
        if c.default:
            head = "default:"
        elif c.values:
            head = "case " + ", ".join(et(v) for v in c.values) + ":"
        else:
            head = "case " + ", ".join("type " + T.type_name(t) for t, _ in c.types) + ":"
        return head + "{ " + "; ".join(self.stmt_text(x) for x in c.body) + "}"

    def stmt_text(self, s) -> str:
        if isinstance(s, N.PrintStmt):
            return "print " + ", ".join(expr_text(e) for e in s.exprs)
        if isinstance(s, N.ReturnStmt):
            return "return" + (" " + expr_text(s.expr) if s.expr is not None else "")
        if isinstance(s, N.ExprStmt):
            return expr_text(s.expr)
        return type(s).__name__

    def is_constant(self, e) -> bool:
        if isinstance(e, (N.Const, N.PatternLit)):
            return True
        if isinstance(e, N.Coerce):
            return self.is_constant(e.operand)
        if isinstance(e, N.Unary) and e.op in (Op.SUB, Op.ADD):
            return self.is_constant(e.operand)
        if isinstance(e, N.Name) and isinstance(e.binding, GlobalID):
            return e.binding.kind in (IdKind.CONST, IdKind.ENUM)
        return False

    def add_local(self, ctx, name, t, loc):
        if ctx.scope is None:
            ctx.scope = self.interp.top_scope
        return ctx.scope.add(name, t)
