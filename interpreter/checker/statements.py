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
from .names import type_desc, type_loc
from .stmtdesc import case_desc, stmt_desc, switch_desc


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
        self.deprecated_use(b, s.loc)
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
        """The checks of language.md §4.7 in Bro's order: the expression,
        then each case as it is parsed (labels, body, how it ends), then
        what SwitchStmt's constructor finds across the cases."""
        s.expr = self.check_expr(s.expr, ctx)
        ctx.switches += 1
        for c in s.cases:
            if c.values:
                c.values = [self.check_expr(v, ctx) for v in c.values]
            if c.types:
                c.types = [self.case_type(te, name, ctx) for te, name in c.types]
            c.body = self.check_body(c.body, ctx)
            last = c.body[-1] if c.body else None
            if not isinstance(last, (N.BreakStmt, N.FallthroughStmt, N.ReturnStmt)):
                self.error("case block must end in break/fallthrough/return statement", c.loc,
                           case_desc(c))
        ctx.switches -= 1
        self.switch_cases(s)
        return s

    def case_type(self, te, name, ctx):
        t = self.resolve_type(te, ctx.module)
        var = None
        if name is not None:
            var = ctx.scope.get(name) if ctx.scope else None
            if var is None and ctx.scope is not None:
                var = ctx.scope.add(name, t)
        return (t, var)

    def switch_cases(self, s):
        st = s.expr.type
        if st.kind == K.ERROR:
            return
        have_vals = have_types = False
        default = None
        seen_vals: list = []
        seen_types: list = []
        for c in s.cases:
            if c.values:
                have_vals = True
                if not self.atomic(st):
                    self.error("switch expression must be of an atomic type when cases are expressions",
                               s.expr.loc, expr_text(s.expr))
                # TypeList::AllMatch: each label of the switch's very type
                # (so an int switch takes `+1`, not `1`)
                if not all(T.same_type(v.type, st) or v.type.kind == K.ERROR for v in c.values):
                    labels = c.values
                    self.obj_error("case expression type differs from switch type",
                                   self.args_loc(labels, c), ", ".join(expr_text(v) for v in labels),
                                   s.expr.loc, expr_text(s.expr))
                    continue
                for v in c.values:
                    if not self.is_constant(v):
                        self.error("case label expression isn't constant", v.loc, expr_text(v))
                        continue
                    key = self.label_key(v)
                    if key is not None and key in seen_vals:
                        if isinstance(v, (N.Const, N.PatternLit)):
                            self.error("duplicate case label", v.loc, expr_text(v))
                        else:
                            # SwitchStmt folded `+3` or a const name into a
                            # new constant, made where the statement is
                            self.error("duplicate case label", s.loc, self.folded_text(v))
                    elif key is not None:
                        seen_vals.append(key)
            elif c.types:
                have_types = True
                for t, _ in c.types:
                    if not (st.kind == K.ANY or T.same_type(st, t)):
                        self.error("cannot cast switch expression to case type", c.loc, case_desc(c))
                    elif any(T.same_type(t, x) for x in seen_types):
                        self.error("duplicate case label", c.loc, case_desc(c))
                    else:
                        seen_types.append(t)
            elif default is not None:
                self.obj_error("multiple default labels", c.loc, case_desc(c),
                               default.loc, case_desc(default))
            else:
                default = c
        if have_vals and have_types:
            self.error("cannot mix cases with expressions and types", s.loc, switch_desc(s))

    @staticmethod
    def atomic(t) -> bool:
        return t.kind not in (K.RECORD, K.TABLE, K.VECTOR, K.FUNC, K.FILE, K.OPAQUE,
                              K.ANY, K.LIST, K.TYPE)

    def folded_text(self, v) -> str:
        from ..render import const_text
        if isinstance(v, N.Unary):
            n = v.operand.value
            return str(-n if v.op == Op.SUB else n)
        return const_text(N.Const(v.loc, v.binding.value, type=v.type))

    def label_key(self, v):
        """A constant label's value, to find duplicates (None: not known
        before run time, as a const name's)."""
        if isinstance(v, N.Const):
            return (v.type.kind, v.value)
        if isinstance(v, N.Unary) and isinstance(v.operand, N.Const) and v.op in (Op.SUB, Op.ADD):
            n = v.operand.value
            return ("int", -n if v.op == Op.SUB else n)
        if isinstance(v, N.Name) and isinstance(v.binding, GlobalID):
            # Bro folds a const name to its value first: `case LIMIT, 10:`
            # repeats 10
            val = v.binding.value
            try:
                hash(val)
            except TypeError:
                return None
            return (v.type.kind, val) if val is not None else None
        if isinstance(v, N.PatternLit):
            return ("pattern", v.source, v.icase)
        return None

    def s_ForStmt(self, s, ctx):
        s.expr = self.check_expr(s.expr, ctx)
        t = s.expr.type
        # ForStmt: each complaint is the loop expression's (described, at it)
        where, what = s.expr.loc, expr_text(s.expr)
        if t.kind == K.TABLE:
            types = t.indices or []
            if len(types) != len(s.vars):
                self.error("wrong index size", where, what)
                types = [T.ERROR] * len(s.vars)
        elif t.kind == K.VECTOR:
            if len(s.vars) != 1:
                self.error("iterating over a vector requires only a single index type", where, what)
            types = [T.INT]
        elif t.kind == K.STRING:
            if len(s.vars) != 1:
                self.error("iterating over a string requires only a single index type", where, what)
            types = [T.STRING]
        else:
            if t.kind != K.ERROR:
                self.error("target to iterate over must be a table, set, vector, or string", where, what)
            types = [T.ERROR] * len(s.vars)
        vars_ = []
        for name, vt in zip(s.vars, types):
            v = ctx.scope.get(name) if ctx.scope else None
            if v is None:
                if self.lookup_global(name, ctx.module) is not None:
                    self.error("global used in for loop", s.loc, name)
                v = self.add_local(ctx, name, vt, s.loc)
            elif vt.kind == K.ERROR or v.type.kind == K.ERROR:
                pass
            elif t.kind == K.VECTOR:
                if not v.type.is_integral():
                    self.error('vector index in "for" loop must be integral', where, what)
            elif t.kind == K.STRING:
                if v.type.kind != K.STRING:
                    self.error('string index in "for" loop must be string', where, what)
            elif not T.same_type(v.type, vt):
                # the variable's type complains about the index type
                self.obj_error("type clash in iteration", type_loc(v.type) or where, type_desc(v.type),
                               type_loc(vt), type_desc(vt))
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
            self.error("return statement outside of function/event", s.loc, stmt_desc(s))
            return s
        if s.expr is not None:
            s.expr = self.check_expr(s.expr, ctx)
            if sc.flavor == Flavor.HOOK:
                return s
            if sc.infer_ret is not None:
                # Bro's ReturnStmt: the first `return e` gives the yield type,
                # later returns are checked against it
                # (a void call gives Bro's TYPE_VOID, which is our no-yield
                # None: PacketFilter's `$func()={ return shunt_filters(); }`)
                t = s.expr.type if s.expr.type.kind != K.VOID else None
                sc.ret = sc.infer_ret.ret = t
                sc.infer_ret = None
                return s
            if sc.ret is None:
                self.error("return statement cannot have an expression", s.loc, stmt_desc(s))
                return s
            # Bro's ReturnStmt: check_and_promote_expr against the yield type
            s.expr, _ = self.promote(s.expr, sc.ret, ctx)
        elif sc.ret is not None and sc.flavor == Flavor.FUNCTION:
            self.error("return statement needs expression", s.loc, stmt_desc(s))
        return s

    def s_AddStmt(self, s, ctx):
        e = s.expr
        if not isinstance(e, N.Index):
            s.expr = self.check_expr(e, ctx)
            if s.expr.type.kind != K.ERROR:
                self.error("illegal add statement", s.loc, "add " + expr_text(e))
            return s
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind != K.TABLE or not t.is_set:
            # the index expression is checked first (IndexExpr), then
            # AddStmt asks whether it can add (a set only)
            s.expr = self.x_Index(e, ctx) if t.kind != K.ERROR else e
            if s.expr.type.kind != K.ERROR and t.kind != K.ERROR:
                self.error("illegal add statement", s.loc, "add " + expr_text(e))
            return s
        if not self.table_index(e, t, ctx):
            self.not_an_index(e)
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
            if not self.table_index(e, t, ctx):
                self.not_an_index(e)
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
        # ExprStmt warns when the expression IsPure(), even one in error
        if self.is_pure(x):
            self.warn("expression value ignored", s.loc, expr_text(x))
        return s

    def is_pure(self, e) -> bool:
        """Bro's Expr::IsPure: constants and const names are; a variable,
        an assignment, `++`, `schedule` and a call are not (a call in error
        is), and a compound expression is when all its parts are."""
        if isinstance(e, (N.Const, N.PatternLit, N.Lambda)):
            return True
        if isinstance(e, N.Name):
            b = e.binding
            if isinstance(b, GlobalID):
                return b.is_const or b.kind in (IdKind.CONST, IdKind.ENUM, IdKind.TYPE)
            return isinstance(b, LocalVar) and b.kind == IdKind.CONST
        if isinstance(e, N.Call):
            return e.type is T.ERROR
        if isinstance(e, (N.Assign, N.Schedule, N.HookCall)):
            return False
        if isinstance(e, N.Unary):
            return e.op not in (Op.INCR, Op.DECR) and self.is_pure(e.operand)
        if isinstance(e, N.Binary):
            return self.is_pure(e.left) and self.is_pure(e.right)
        if isinstance(e, N.Cond):
            return self.is_pure(e.cond) and self.is_pure(e.then) and self.is_pure(e.else_)
        if isinstance(e, N.Index):
            return self.is_pure(e.obj) and all(self.is_pure(i) for i in e.index)
        if isinstance(e, N.Slice):
            return self.is_pure(e.obj) and all(self.is_pure(b) for b in (e.lo, e.hi) if b is not None)
        if isinstance(e, (N.FieldExpr, N.HasField)):
            return self.is_pure(e.obj)
        if isinstance(e, (N.Size, N.Copy, N.Cast, N.Coerce)):
            return self.is_pure(e.operand)
        if isinstance(e, N.FieldAssign):
            return self.is_pure(e.value)
        if isinstance(e, (N.ListExpr, N.Ctor)):
            return all(self.is_pure(i) for i in e.items)
        return False

    def s_NullStmt(self, s, ctx):
        return s

    def mark_generated(self, name: str):
        """An `event` statement or `schedule` marks its handler used (Bro's
        EventExpr), for check_for_unused_event_handlers (builtins/reporter.py)."""
        self.interp.events_generated.add(name)

    def implicit_event(self, name: str, args, ctx):
        """An event raised before any declaration or handler: Bro registers the
        handler by name and checks no argument types (EventExpr)."""
        from ..runtime.values import FuncVal
        args = [self.check_expr(a, ctx) for a in args]
        later = self.globals.get(name)
        if later is not None:
            # declared after the deferred body being checked, which does
            # not see it (deferred.GlobalTable): the same event, by name
            return later, args
        ft = T.FuncType("event", [T.Param(f"a{i}", a.type) for i, a in enumerate(args)], None)
        gid = GlobalID(name, "func", ft)
        gid.value = FuncVal(name, ft)
        gid.implicit = True
        gid.script = self.interp.current_script
        self.globals[name] = gid
        return gid, args

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
