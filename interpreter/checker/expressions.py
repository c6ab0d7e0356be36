"""The other expressions: names, constants, assignment, fields, indexing,
calls, constructors, anonymous functions, casts and `schedule`
(language.md §4, values.md §4-§5)."""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..errors import BroSyntaxError, Loc
from ..nodes import Op
from ..render import expr_text
from ..scope import FuncScope, GlobalID, IdKind, LocalVar
from ..types import Flavor
from ..types import Kind as K
from .context import Ctx
from .names import type_desc


# builtins whose result has the type of their first argument
RESULT_IS_ARGUMENT = ("sort",)

# Calls by name that make Bro 2.6 refuse to start unless
# old_comm_usage_is_ok is T (bifs/core-3.md §1.4)
OLD_COMM_CALLS = frozenset((
    "connect", "disconnect", "request_remote_events", "request_remote_sync",
    "request_remote_logs", "set_accept_state", "set_compression_level", "listen",
    "send_id", "terminate_communication", "complete_handshake", "send_ping",
    "send_current_packet", "get_event_peer", "send_capture_filter",
    "suspend_state_updates", "resume_state_updates"))


class Expressions:
    def check_expr(self, e, ctx: Ctx):
        m = getattr(self, "x_" + type(e).__name__)
        e = m(e, ctx)
        if e.type is T.ERROR:
            # an error reported earlier (e.g. an undefined type) poisons what
            # uses it: the declaration must not be compiled
            self.poisoned += 1
        return e

    def x_Const(self, e, ctx):
        if e.type.kind == K.PORT:
            from ..literals import bad_port_literal
            if e.text and bad_port_literal(e.text):
                # the literal already stands for port 0 of its protocol
                self.error(f"bad port number - {e.text}", e.loc)
        if e.type.kind == K.TABLE and isinstance(e.value, str):
            # a host name literal is looked up while the script is read
            from ..builtins.dns import hostname_literal
            e.value = hostname_literal(self.interp, e.value, e.type)
        return e

    def x_PatternLit(self, e, ctx):
        from ..runtime.patterns import PatternError, check_pattern
        e.type = T.PATTERN
        try:
            check_pattern(e.source, e.icase)
        except PatternError:
            # Bro's RE_Matcher::Compile fails while the script is parsed
            self.error(f"error compiling pattern /{e.source}/", e.loc)
            e.type = T.ERROR
        return e

    def x_Name(self, e, ctx):
        b = self.lookup(e.name, ctx, e.loc)
        if b is None:
            raise BroSyntaxError(f'unknown identifier {e.name}, at or near "{e.name}"', e.loc)
        if isinstance(b, LocalVar):
            e.full = self.full_name(e.name, ctx.module)
            if ctx.in_if:
                self.error("referencing a local name in @if", e.loc, e.full)
            if ctx.outer_refs is not None and ctx.scope.get(e.name) is not b:
                ctx.outer_refs.append(e)
            e.binding = b
            e.type = b.type
            return e
        e.binding = b
        if b.deprecated:
            self.warn("deprecated", e.loc, b.name)
        if b.kind == IdKind.TYPE:
            e.type = T.TypeType(b.type)
        else:
            e.type = b.type if b.type is not None else T.ERROR
        return e

    def is_record_ctor(self, e) -> bool:
        return bool(e.items) and all(isinstance(i, N.FieldAssign) for i in e.items)

    def check_index(self, idx, tt: T.TableType, ctx, whole):
        """Check and coerce index expressions against table index types."""
        idx = [i if i.type is not None else self.check_expr(i, ctx) for i in idx]
        if tt.indices is None:
            return idx
        if len(idx) != len(tt.indices):
            self.error("wrong index size", whole.loc, expr_text(whole))
            return idx
        out = []
        for i, t in zip(idx, tt.indices):
            if i.type.kind == K.ERROR:
                out.append(i)
            elif T.same_type(i.type, t) or (i.type.is_arith() and t.is_arith()) or t.kind == K.ANY \
                    or (t.kind == K.RECORD and i.type.kind == K.RECORD):
                out.append(self.coerce(i, t, ctx) if not T.same_type(i.type, t) else i)
            else:
                self.error("index type doesn't match table", whole.loc,
                           expr_text(i), "list of " + T.type_name(t))
                out.append(i)
        return out

    def match_index(self, idx, tt: T.TableType, ctx):
        """Bro's IndexType::MatchesIndex: an addr for a subnet index, else
        check_and_promote_exprs of the index list; the caller says `not an
        index type` when it fails.  Returns (index expressions, ok)."""
        idx = [i if i.type is not None else self.check_expr(i, ctx) for i in idx]
        if tt.indices is None or any(i.type.kind == K.ERROR for i in idx):
            return idx, True
        types = tt.indices
        if len(types) == 1 and types[0].kind == K.SUBNET and len(idx) == 1 and idx[0].type.kind == K.ADDR:
            return idx, True
        if len(types) == 1 and types[0].kind == K.ANY:
            return idx, True
        lst = N.ListExpr(self.args_loc(idx, idx[0]) if idx else None, idx)
        return self.promote_list(idx, types, lst, getattr(tt, "loc", None), ctx)

    def table_index(self, e, t: T.TableType, ctx) -> bool:
        """The index of `e` (an Index node) matched against table type `t`:
        a single list expression stands for its items (a record constructor
        does not), then match_index.  False when it does not match."""
        if len(e.index) == 1 and isinstance(e.index[0], N.ListExpr) and not self.is_record_ctor(e.index[0]):
            e.index = e.index[0].items
        e.index, ok = self.match_index(e.index, t, ctx)
        return ok

    def x_Assign(self, e, ctx):
        e.op = Op(e.op)
        e.value = self.check_expr(e.value, ctx)
        if isinstance(e.target, N.ListExpr) and e.op == Op.ASSIGN:
            # `[k] = v` inside a table constructor
            e.target.items = [self.check_expr(i, ctx) for i in e.target.items]
            e.type = e.value.type
            e.target.type = T.ListType([i.type for i in e.target.items])
            return e
        e.target = self.check_expr(e.target, ctx)
        if not self.check_lvalue(e.target, ctx):
            # Bro's AssignExpr over a failed MakeLvalue() is in error, silently
            e.type = T.ERROR
            return e
        tt = e.target.type
        vt = e.value.type
        e.type = tt
        if tt.kind == K.ERROR or vt.kind == K.ERROR:
            return e
        if e.op in (Op.ADD_TO, Op.REMOVE_FROM):
            return self.check_add_to(e, ctx)
        e.value = self.assign_coerce(e.value, tt, ctx, e)
        return e

    def check_add_to(self, e, ctx):
        """Bro's AddToExpr / RemoveFromExpr, with their words."""
        tt, vt = e.target.type, e.value.type
        tk, vk = tt.kind, vt.kind
        if tt.is_arith() and vt.is_arith():
            e.value = self.coerce(e.value, T.max_arith(tt, vt), ctx)
            return e
        if tk == vk == K.INTERVAL or (tk == K.TIME and vk == K.INTERVAL):
            # time += interval: kept, as broscript's own library uses it
            return e
        if e.op == Op.REMOVE_FROM:
            return self.add_to_error(e, "requires two arithmetic operands")
        if tk == vk == K.STRING:
            return e
        if tk == K.VECTOR:
            yt = tt.yield_ or T.ANY
            if yt.is_arith():
                if not vt.is_arith():
                    return self.add_to_error(e, "appending non-arithmetic to arithmetic vector")
                e.value = self.coerce(e.value, yt, ctx)
                return e
            if yt.kind != vk and yt.kind != K.ANY:
                return self.add_to_error(e, f"incompatible vector append: {yt.kind} and {vk}")
            e.value = self.coerce(e.value, yt, ctx)
            return e
        return self.add_to_error(e, "requires two arithmetic or two string operands")

    def add_to_error(self, e, msg):
        self.error(msg, e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    def check_lvalue(self, t, ctx) -> bool:
        """Report what cannot be assigned to; True if `t` can be."""
        if isinstance(t, N.Name):
            b = t.binding
            if isinstance(b, GlobalID):
                if b.kind == IdKind.OPTION:
                    self.error("option is not a modifiable lvalue", t.loc, t.name)
                    return False
                elif b.is_const:
                    self.error("const is not a modifiable lvalue", t.loc, t.name)
                    return False
            elif isinstance(b, LocalVar) and b.kind == IdKind.CONST:
                self.error("const is not a modifiable lvalue", t.loc, t.name)
                return False
            return True
        if isinstance(t, (N.Index, N.Slice)) and t.obj.type.kind == K.STRING:
            # Bro's IndexExpr::MakeLvalue (a slice is an IndexExpr too): a
            # string index cannot be assigned to (values.md §4.8)
            self.error("cannot assign to string index expression", t.loc, expr_text(t))
            return False
        if isinstance(t, (N.FieldExpr, N.Index, N.ListExpr)):
            return True
        self.error("illegal assignment", t.loc, expr_text(t))
        return False

    def x_Cond(self, e, ctx):
        e.cond = self.check_expr(e.cond, ctx)
        e.then = self.check_expr(e.then, ctx)
        e.else_ = self.check_expr(e.else_, ctx)
        a, b = e.then.type, e.else_.type
        if K.ERROR in (e.cond.type.kind, a.kind, b.kind):
            e.type = T.ERROR
            return e
        if e.cond.type.kind != K.BOOL:
            self.error("requires boolean conditional", e.loc, expr_text(e))
            e.type = T.ERROR
            return e
        if a.is_arith() and b.is_arith():
            t = T.max_arith(a, b)
            e.then, e.else_ = self.coerce(e.then, t, ctx), self.coerce(e.else_, t, ctx)
            e.type = t
        else:
            # Bro 2.6's CondExpr compares only the type tags (of a vector,
            # its yield's): base/frameworks/intel/main.bro chooses between a
            # DataStore and a MinDataStore record; the result has then's type
            if _cond_tag(a) != _cond_tag(b) and a.kind != K.ERROR and b.kind != K.ERROR:
                self.error("operands must be of the same type", e.loc, expr_text(e))
            e.type = a
        return e

    def x_HookCall(self, e, ctx):
        c = e.call
        if not isinstance(c, N.Call):
            self.error("not a valid hook call expression", e.loc, expr_text(c))
            e.type = T.BOOL
            return e
        c.func = self.check_expr(c.func, ctx)
        ft = c.func.type
        if ft.kind != K.FUNC or ft.flavor != Flavor.HOOK:
            self.error("not a valid hook call expression", e.loc, expr_text(c))
            e.type = T.BOOL
            return e
        c.args = self.check_args(c.args, ft, ctx, c)
        c.type = T.BOOL
        e.type = T.BOOL
        return e

    def x_FieldExpr(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind == K.ERROR:
            e.type = T.ERROR
            return e
        if t.kind != K.RECORD:
            self.error("not a record", e.loc, expr_text(e))
            e.type = T.ERROR
            return e
        f = t.field(e.field)
        if f is None:
            self.error("no such field in record", e.loc, expr_text(e))
            e.type = T.ERROR
            return e
        if f.attrs.has("&deprecated"):
            # FieldExpr: reporter->Warning("deprecated (%s$%s)") with the
            # record type's name, not the expression
            self.warn("deprecated", e.loc, f"{t.name or ''}${e.field}")
        e.type = f.type
        e.field_index = t.index[e.field]
        return e

    def x_HasField(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        e.type = T.BOOL
        if t.kind != K.RECORD:
            self.error("not a record", e.loc, expr_text(e))
            return e
        f = t.field(e.field)
        if f is None:
            self.error("no such field in record", e.loc, expr_text(e))
            return e
        if f.attrs.has("&deprecated"):
            self.warn("deprecated", e.loc, f"{t.name or ''}?${e.field}")
        e.field_index = t.index[e.field]
        return e

    def x_Index(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind == K.TABLE:
            # an address indexes a table of subnets (match_index)
            if not self.table_index(e, t, ctx):
                return self.not_an_index(e)
            e.type = t.yield_ if not t.is_set else T.BOOL
            if t.is_set:
                self.error("not an index type", e.loc, expr_text(e))
            return e
        e.index = [self.check_expr(i, ctx) for i in e.index]
        if t.kind == K.VECTOR:
            if len(e.index) == 1 and e.index[0].type.kind == K.VECTOR:
                e.type = t
                return e
            if len(e.index) != 1 or not self.index_like(e.index[0].type):
                # VectorType::MatchesIndex: one integral (or bool) index
                return self.not_an_index(e)
            e.type = t.yield_ or T.ANY
            return e
        if t.kind == K.STRING:
            e.type = T.STRING
            if not all(self.index_like(i.type) for i in e.index) or len(e.index) != 1:
                # Bro's MatchesIndex: a string takes one integral index
                self.error("not an index type", e.loc, expr_text(e))
            return e
        if t.kind != K.ERROR:
            self.error("not an index type", e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    def x_Slice(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        if e.lo is not None:
            e.lo = self.check_expr(e.lo, ctx)
        if e.hi is not None:
            e.hi = self.check_expr(e.hi, ctx)
        e.type = e.obj.type
        if e.obj.type.kind not in (K.STRING, K.VECTOR):
            self.error("slicing not supported", e.loc, expr_text(e))
        elif not all(self.index_like(b.type) for b in (e.lo, e.hi) if b is not None):
            self.error("not an index type", e.loc, expr_text(e))
        return e

    def not_an_index(self, e):
        """IndexExpr's SetError("not an index type")."""
        self.error("not an index type", e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    @staticmethod
    def index_like(t) -> bool:
        """An integral index, or one already in error (reported once)."""
        return t.is_integral() or t.kind == K.ERROR

    def x_Call(self, e, ctx):
        f = e.func
        if isinstance(f, N.Name):
            b = self.lookup(f.name, ctx, f.loc)
            if b is None:
                raise BroSyntaxError(f'unknown identifier {f.name}, at or near "{f.name}"', f.loc)
            if isinstance(b, GlobalID) and b.kind == IdKind.TYPE:
                return self.named_ctor(e, b.type, ctx)
        e.func = self.check_expr(f, ctx)
        if (isinstance(e.func, N.Name) and isinstance(e.func.binding, GlobalID)
                and e.func.binding.name in OLD_COMM_CALLS):
            self.interp.old_comm_calls.append(e.loc)
        ft = e.func.type
        if ft.kind == K.ERROR:
            e.type = T.ERROR
            return e
        if ft.kind != K.FUNC:
            self.error("not a function", e.loc, expr_text(e.func))
            e.type = T.ERROR
            return e
        if ft.flavor == Flavor.HOOK:
            # Bro's CallExpr stops here (SetError): the arguments are not
            # matched against the hook's parameters
            self.error("hook cannot be called directly, use hook operator", e.loc, expr_text(e.func))
            e.args = [self.check_expr(a, ctx) for a in e.args]
            e.type = T.ERROR
            return e
        if ft.flavor == Flavor.EVENT:
            self.error("event called in expression, use event statement instead", e.loc, expr_text(e))
        e.args = self.check_args(e.args, ft, ctx, e)
        e.type = ft.ret if ft.ret is not None else T.VOID
        if isinstance(e.func, N.Name) and isinstance(e.func.binding, GlobalID) \
                and e.func.binding.name in RESULT_IS_ARGUMENT and e.args:
            # sort() returns the vector it was given: typed as that argument,
            # not as its declared `any` (builtins/containers.py)
            a = e.args[0]
            e.type = a.operand.type if isinstance(a, N.Coerce) else a.type
        return e

    def check_args(self, args, ft: T.FuncType, ctx, call, event=False):
        """Bro's check_and_promote_args: missing trailing arguments take
        their &default, then each argument is promoted to its parameter's
        type; the first that fails says `type mismatch` and the call says
        the rest (language.md §2.6.2, §6.2)."""
        args = [self.check_expr(a, ctx) for a in args]
        params = ft.params
        msg = "argument type mismatch in event invocation" if event else "argument type mismatch in function call"
        if ft.varargs:
            fixed = params
            out = [self.coerce(a, p.type, ctx, "argument type mismatch") for a, p in zip(args, fixed)]
            rest = [self.coerce(a, T.ANY, ctx) for a in args[len(fixed):]]
            if len(args) < len(fixed):
                self.error(msg, call.loc, expr_text(call))
            return out + rest
        if len(params) == 1 and params[0].type.kind == K.ANY:
            # "give variadic BIFs automatic pass"
            if not args:
                # Bro lets `type_name()` through and crashes when it runs;
                # broscript refuses it where Bro would have checked it
                self.error("argument type mismatch: the call gives no argument for "
                           f"{params[0].name} (Bro 2.6 accepts it, then crashes)",
                           call.loc, expr_text(call))
            return [self.coerce(a, T.ANY, ctx) for a in args]
        if any(a.type.kind == K.ERROR for a in args):
            return args
        out = list(args)
        if len(args) < len(params):
            for p in params[len(args):]:
                d = p.attrs.get("&default")
                if d is None:
                    self.obj_error("parameter mismatch", getattr(ft, "params_loc", None),
                                   self.params_desc(ft), self.args_loc(args, call),
                                   ", ".join(expr_text(a) for a in args))
                    self.error(msg, call.loc, expr_text(call))
                    return args
                if isinstance(d.expr, N.Coerce):
                    # Bro's call shows a default it filled in as the parser
                    # coerced it: `(coerce 0 to int)` (bifs/strings-reporter-misc.md §1.1)
                    d.expr.shown = True
                out.append(d.expr)
        elif len(args) > len(params):
            # the TypeList made for the check sits where the call is
            self.obj_error("indexing mismatch", call.loc,
                           "list of " + ",".join(type_desc(p.type) for p in params),
                           self.args_loc(args, call), ", ".join(expr_text(a) for a in args))
            self.error(msg, call.loc, expr_text(call))
            return args
        for i, p in enumerate(params[:len(args)]):
            a, ok = self.promote(args[i], p.type, ctx)
            if not ok:
                self.expr_type_error("type mismatch", a, p.type)
                self.error(msg, call.loc, expr_text(call))
                return args
            out[i] = a
        return out

    @staticmethod
    def params_desc(ft) -> str:
        return "record { " + " ".join(f"{p.name}:{type_desc(p.type)};" for p in ft.params) + " }"

    @staticmethod
    def args_loc(args, call):
        if not args:
            return call.loc
        first, last = args[0].loc, args[-1].loc
        if first.file != last.file:
            return first
        return Loc(first.file, first.line, max(last.end_line or last.line, first.line))

    def x_Size(self, e, ctx):
        e.operand = self.check_expr(e.operand, ctx)
        k = e.operand.type.kind
        e.type = {"int": T.COUNT, "double": T.DOUBLE, "interval": T.DOUBLE, "time": T.DOUBLE,
                  "subnet": T.DOUBLE, "port": T.INT, "enum": T.INT, "file": T.DOUBLE}.get(k, T.COUNT)
        return e

    def x_Copy(self, e, ctx):
        e.operand = self.check_expr(e.operand, ctx)
        e.type = e.operand.type
        return e

    def x_ListExpr(self, e, ctx):
        e.items = [self.check_expr(i, ctx) for i in e.items]
        if not e.items or self.is_record_ctor(e):
            fields = [T.Field(i.field, i.type) for i in e.items if isinstance(i, N.FieldAssign)]
            e.type = T.RecordType(fields)
            return e
        e.type = T.ListType([i.type for i in e.items])
        return e

    def x_FieldAssign(self, e, ctx):
        e.value = self.check_expr(e.value, ctx)
        e.type = e.value.type
        return e

    def x_Lambda(self, e, ctx):
        ft = self.func_type("function", e.params, ctx.module)
        e.type = ft
        scope = FuncScope("function", ft.ret, "anonymous-function")
        if e.infer_ret and ft.ret is None:
            scope.infer_ret = ft
        for p in ft.params:
            scope.add(p.name, p.type, "param")
        inner = Ctx(ctx.module, scope)
        inner.outers = ctx.outers + ([ctx.scope] if ctx.scope is not None else [])
        inner.outer_refs = []
        e.body = self.check_body(e.body, inner)
        e.scope = scope
        # No closures in 2.6: Bro's end_func walks the finished body and
        # reports each name bound to an enclosing body's local (§2.6.4)
        for ref in inner.outer_refs:
            self.error("referencing outer function IDs not supported", ref.loc, expr_text(ref))
        return e

    def x_Cast(self, e, ctx):
        e.op = Op(e.op)
        e.operand = self.check_expr(e.operand, ctx)
        t = self.resolve_type(e.target, ctx.module)
        e.target_type = t
        st = e.operand.type
        if e.op == Op.IS:
            e.type = T.BOOL
            return e
        e.type = t
        # can_cast_value_to_type: from `any`, or to the very same type
        if st.kind == K.ANY or T.same_type(st, t) or t.kind == K.ERROR or st.kind == K.ERROR:
            return e
        if st.kind == K.RECORD and st.name == "Broker::Data":
            # Broker's own conversion decides at run time
            # (bifs/probabilistic-broker.md §3 "Broker data -> Bro value")
            return e
        # CastExpr describes itself: the operand, ` as `, the type by its name
        self.error("cast not supported", e.loc, f"{expr_text(e.operand)} as {type_desc(t)}")
        return e

    def x_Schedule(self, e, ctx):
        e.when = self.check_expr(e.when, ctx)
        if e.when.type.kind not in (K.INTERVAL, K.TIME):
            self.error("schedule expression requires a time or time interval", e.loc)
        b = self.lookup(e.event, ctx, e.loc)
        self.mark_generated(getattr(b, "name", e.event))
        if b is None:
            gid, e.args = self.implicit_event(e.event, e.args, ctx)
            self.mark_generated(gid.name)
            e.type = T.TIMER
            return e
        if not isinstance(b, LocalVar):
            self.deprecated_use(b, e.loc)
        ft = b.type
        if ft is None or ft.kind != K.FUNC or ft.flavor != Flavor.EVENT:
            self.error("not an event", e.loc, e.event)
            e.args = [self.check_expr(a, ctx) for a in e.args]
        else:
            e.args = self.check_args(e.args, ft, ctx, e, event=True)
        e.type = T.TIMER
        return e

    def x_InitList(self, e, ctx):
        e.items = [self.check_expr(i, ctx) for i in e.items]
        e.type = T.ListType([i.type for i in e.items])
        return e

    def x_Coerce(self, e, ctx):
        return e


def _cond_tag(t):
    if t.kind == K.VECTOR and t.yield_ is not None:
        return t.yield_.kind
    return t.kind
