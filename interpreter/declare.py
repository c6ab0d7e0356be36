"""Declarations, executed as soon as each has been read (language.md §2):
a declaration is checked (checker/), its initialiser or body compiled
(compiler/), and the global it makes or changes stored in the
interpreter's table.  `Interpreter.execute_decl` dispatches here.
"""
from __future__ import annotations

import copy

from . import types as T
from . import nodes as N
from .astcodec import EncodedBody
from .nodes import Op
from .checker import Ctx
from .errors import ExprError, NoValue
from .runtime.runtime import Body
from .runtime.values import UNSET, FuncVal, TableVal
from .scope import FuncScope, GlobalID, IdKind
from .types import Flavor
from .types import Kind as K


class Declarer:
    def __init__(self, interp):
        self.interp = interp
        # the globals whose type may hold a record value: the only places a
        # record made before a `redef record` can be (widen_records)
        self.holders: list = []
        self._holder_ids: set = set()

    def note_holder(self, gid):
        if id(gid) not in self._holder_ids and holds_records(gid.type):
            self._holder_ids.add(id(gid))
            self.holders.append(gid)

    def replace_holder(self, old, new):
        """A deferred global made on first use (deferred.py) is the same
        identifier as the one its declaration made."""
        if id(old) in self._holder_ids:
            self.note_holder(new)

    def new_global(self, d, kind, t):
        ip = self.interp
        full = ip.checker.full_name(d.name, ip.module)
        gid = GlobalID(full, kind, t, d.loc)
        gid.exported = ip.exporting
        gid.docs = list(d.docs)
        gid.script = ip.current_script
        ip.globals[full] = gid
        return gid

    def var_decl(self, d):
        ip = self.interp
        ck = ip.checker
        full = ck.full_name(d.name, ip.module)
        old = ip.globals.get(full)
        t = ck.resolve_type(d.type, ip.module) if d.type is not None else None
        if old is not None and old.kind not in (IdKind.FUNC,) or (old is not None and old.defined):
            if old.attrs.has("&redef") or old.kind == IdKind.OPTION:
                # Var.cc make_var: placed at the first declaration and at the
                # new initialiser (or type); only the name described
                ck.redef_warning(old, d.init, t)
            elif old.kind == IdKind.FUNC and not old.defined and t is not None:
                pass
            else:
                ck.already_defined(old, d.init)
                return
        if d.kind == "option" and d.init is None:
            if t is None:
                ck.error("no type given", d.loc, d.name)
            else:
                ck.error("option variable must be initialized", d.loc, d.name)
            return
        if d.kind == "const" and d.init is None and not any(a.name == "&redef" for a in d.attrs):
            ck.error("const variable must be initialized", d.loc, d.name)
        ctx = Ctx(ip.module)
        init = None
        if d.init is not None:
            init, t = ck.init_value(d.init, t, ctx, d.name, d.loc)
        elif t is None:
            ck.error("no type given", d.loc, d.name)
            return
        if old is not None and old.kind == IdKind.FUNC and not old.defined and t.kind == K.FUNC:
            gid = old
        else:
            gid = self.new_global(d, d.kind if d.kind != "global" or t.kind != K.FUNC else "func", t)
            if d.kind == "global" and t.kind == K.FUNC:
                gid.kind = "func"
        gid.attrs = ck.attrs(d.attrs, ip.module, t)
        self.note_holder(gid)
        if gid.attrs.has("&deprecated"):
            gid.deprecated = True
        if d.kind == "option":
            gid.attrs.add(T.Attr("&redef"))
        if t.kind == K.FUNC and init is None:
            if t.flavor in (Flavor.EVENT, Flavor.HOOK):
                gid.value = FuncVal(full, t)
            elif gid.value is UNSET:
                # a base/bif stub's `global f: function(...)`: the builtin
                # of that name is bound to it (interp.bind_builtin)
                ip.bind_builtin(gid)
            return
        gid.value = self.evaluate_init(init, t, gid.attrs)
        self.take_ctor_attrs(gid, d.init)
        raw = gid.attrs.get("&raw_output")
        if raw is not None:
            # only the file the declaration's own initializer makes is raw
            # (bifs/core-3.md §1.2 "&raw_output attribute")
            if t.kind != K.FILE:
                ck.error("&raw_output only applicable to files", raw.loc, "&raw_output")
            elif gid.value is not UNSET:
                gid.value.raw = True

    @staticmethod
    def take_ctor_attrs(gid, init):
        """`const s = set(1, 2) &redef;`: the attributes belong to the
        constructor, yet Bro's make_var copies a table or set constructor's
        attributes onto the identifier too, so `redef s += {3};` is allowed
        (language.md §2.5).  The value already has them: only the
        identifier gains them, after its initialiser ran."""
        if not (isinstance(init, N.Ctor) and init.kind in ("table", "set")):
            return
        for a in init.checked_attrs.items if init.checked_attrs is not None else ():
            if not gid.attrs.has(a.name):
                gid.attrs.add(a)
        if gid.attrs.has("&deprecated"):
            gid.deprecated = True

    def evaluate_init(self, init, t, attrs):
        ip = self.interp
        if ip.decl_failed():
            return UNSET
        comp = ip.compiler
        try:
            # a new record evaluates its fields' &default expressions
            v = comp.records.new_value(t) if init is None else comp.expr_once(init)([None])
        except NoValue:
            return UNSET
        except ExprError as ex:
            ip.runtime.expr_error(ex)
            return UNSET
        give = ip.compiler.records.default_setter(attrs, t)
        return give(v) if give is not None else v

    def type_decl(self, d):
        ip = self.interp
        ck = ip.checker
        full = ck.full_name(d.name, ip.module)
        existing = ck.lookup_global(d.name, ip.module, check_export=False)
        if existing is not None and existing.kind == IdKind.TYPE:
            full = existing.name
        if d.type.kind == "enum":
            if (existing is not None and existing.kind == IdKind.TYPE and existing.type.kind == K.ENUM
                    and same_enum_items(existing.type, d.type.args, ck, ip.module)):
                # Bro allows an enum to be declared twice when both match
                # exactly, so that a .bif and a script may both declare it
                # (e.g. Broker::ErrorCode in comm.bif and broker/main.bro)
                return
            et = T.EnumType(full)
            gid = self.new_global(d, "type", et)
            gid.name = full
            ip.globals[full] = gid
            ck.add_enum_items(et, d.type.args, ip.module, d.loc, ip.exporting)
            return
        t = ck.resolve_type(d.type, ip.module)
        if t.kind == K.RECORD and any(a.name == "&log" for a in d.attrs or ()):
            # `type R: record {...} &log;` logs every field declared here, not
            # fields a later `redef record` adds (bifs/logging-input.md §1.3);
            # the fields' own attributes stay as written
            t.log_upto = len(t.fields)
        if (existing is not None and existing.kind == IdKind.TYPE and t.kind == K.RECORD
                and existing.type.kind == K.RECORD and not existing.type.fields):
            # completing a forward declaration `type R: record {};`: the same
            # type object, so everything already declared with it still fits
            rt = existing.type
            for f in t.fields:
                rt.add_field(f)
            if t.log_upto:
                rt.log_upto = len(rt.fields)
            existing.docs = existing.docs or list(d.docs)
            return
        if d.type.kind in ("record", "enum") or (t.name is None and d.type.kind not in T.BASE_TYPES
                                                  and d.type.kind != "named"):
            t.name = full
        else:
            # `type X: count;` or `type X: Y;` names a copy, never the shared type
            t = copy.copy(t)
            t.name = full
        gid = self.new_global(d, "type", t)
        gid.name = full
        ip.globals[full] = gid
        gid.attrs = ck.attrs(d.attrs, ip.module)

    def lookup_redef(self, d):
        ip = self.interp
        gid = ip.checker.lookup_global(d.name, ip.module, d.loc)
        if gid is None:
            ip.checker.error('"redef" used but not previously defined', d.loc, d.name)
        return gid

    def redef_value(self, d):
        ip = self.interp
        ck = ip.checker
        gid = self.lookup_redef(d)
        if gid is None:
            return
        if not (gid.attrs.has("&redef") or gid.kind == IdKind.OPTION):
            ck.already_defined(gid, d.init)
            return
        gid.redefs.append((ip.current_script, d.loc, d.docs))
        self.note_holder(gid)
        ctx = Ctx(ip.module)
        t = gid.type
        init, _ = ck.init_value(d.init, t, ctx, d.name, d.loc)
        new = self.evaluate_init(init, t, gid.attrs)
        if new is UNSET:
            return
        if d.op == Op.ASSIGN:
            gid.value = new
            return
        cur = gid.value
        if cur is UNSET:
            # no value to add to: the declaration's initializer failed (its
            # error is reported) or, for a pattern, there was none
            if d.op == Op.ADD_TO:
                gid.value = new
            return
        if isinstance(cur, TableVal):
            if d.op == Op.ADD_TO:
                for k, ent in new.data.items():
                    if k in cur.data:
                        cur.data[k][1] = ent[1]
                    else:
                        cur.data[k] = ent
            else:
                for k in new.data:
                    cur.data.pop(k, None)
        elif t.kind == K.VECTOR:
            cur.items.extend(new.items)
        elif t.kind == K.PATTERN:
            from .runtime.patterns import pattern_or
            gid.value = pattern_or(cur, new)
        else:
            ck.error("+= initializer only applies to tables, sets, vectors and patterns", d.loc, d.name)

    def redef_attrs(self, d):
        ip = self.interp
        gid = self.lookup_redef(d)
        if gid is None:
            return
        for a in ip.checker.attrs(d.attrs, ip.module, gid.type):
            gid.attrs.add(a)

    def redef_enum(self, d):
        ip = self.interp
        gid = self.lookup_redef(d)
        if gid is None or gid.kind != IdKind.TYPE or gid.type.kind != K.ENUM:
            return
        ip.checker.add_enum_items(gid.type, d.items, ip.module, d.loc, ip.exporting)
        gid.redefs.append((ip.current_script, d.loc, d.docs))

    def redef_record(self, d):
        ip = self.interp
        gid = self.lookup_redef(d)
        if gid is None or gid.kind != IdKind.TYPE or gid.type.kind != K.RECORD:
            return
        rt = gid.type
        log = any(a.name == "&log" for a in d.attrs)
        for f in d.fields:
            fld = ip.checker.field_decl(f, ip.module)
            if not fld.attrs.has("&optional"):
                ip.checker.error("extension field must be &optional or have &default", d.loc, rt.name or d.name)
                continue
            if log:
                fld.attrs.add(T.Attr("&log"))
            rt.add_field(fld)
        widen_records(self.holders, rt)
        gid.redefs.append((ip.current_script, d.loc, d.docs))

    def func_def(self, d):
        ip = self.interp
        ck = ip.checker
        ft = ck.func_type(d.flavor, d.params, ip.module)
        gid = ck.lookup_global(d.name, ip.module, d.loc)
        if gid is not None and d.flavor != Flavor.FUNCTION:
            ck.deprecated_use(gid, d.loc)
        if gid is not None and gid.implicit and d.flavor == Flavor.EVENT:
            gid.type = ft
            gid.value.ftype = ft
            gid.implicit = False
        if gid is not None and gid.type is not None and (gid.kind == IdKind.FUNC or (
                gid.kind in (IdKind.GLOBAL, IdKind.CONST, IdKind.OPTION) and gid.type.kind == K.FUNC)):
            # Bro's begin_func takes the identifier it finds, also a `const
            # f: function(...) &redef;` of an export block (SMB::write_file_log)
            old = gid.type
            if old.flavor != ft.flavor:
                ck.error("inconsistent function flavor", d.loc, d.name)
                return
            if not T.same_type(old, ft):
                ck.error("incompatible types", d.loc, d.name)
                return
            # defaults written on the declaration carry over (language.md §2.6.2)
            for p, q in zip(ft.params, old.params):
                if not p.attrs.has("&default") and q.attrs.has("&default"):
                    p.attrs.add(q.attrs.get("&default"))
            if d.flavor == Flavor.FUNCTION and gid.defined and not d.redef and not gid.attrs.has("&redef"):
                ck.error("already defined", d.loc, d.name)
                return
            old.params = ft.params if d.flavor == Flavor.FUNCTION else old.params
        else:
            # an event keeps the name it was written with: events are not
            # module-scoped (language.md §2.6)
            full = d.name if d.flavor == Flavor.EVENT else ck.full_name(d.name, ip.module)
            gid = GlobalID(full, "func", ft, d.loc)
            gid.exported = ip.exporting
            gid.script = ip.current_script
            gid.docs = list(d.docs)
            ip.globals[full] = gid
        fv = gid.value if isinstance(gid.value, FuncVal) else FuncVal(gid.name, gid.type)
        gid.value = fv
        body = self.compile_body(d.flavor, ft, d.body, gid.name)
        prio = 0
        for a in d.attrs:
            if a.name == "&priority":
                before = (ip.reporter.errors, ck.poisoned)
                e = ck.check_expr(a.expr, Ctx(ip.module))
                if (ip.reporter.errors, ck.poisoned) != before:
                    continue
                if not e.type.is_integral():
                    ck.error("expression is not of integral type", a.loc)
                    continue
                try:
                    prio = ip.compiler.expr_once(e)([None])
                except (NoValue, ExprError) as ex:
                    # Bro's end_func: an Eval() without a value
                    if isinstance(ex, ExprError):
                        ip.runtime.expr_error(ex)
                    ck.error("invalid priority", a.loc)
            elif a.name not in ("&deprecated",):
                ck.error("illegal attribute for function body", a.loc)
        body.priority = prio
        if d.flavor == Flavor.FUNCTION or d.redef:
            fv.bodies = [body]
        else:
            fv.bodies.append(body)
            fv.bodies.sort(key=lambda b: (-b.priority, b.order))
        gid.defined = d.flavor == Flavor.FUNCTION

    def compile_body(self, flavor, ft, stmts, name):
        ip = self.interp
        scope = FuncScope(flavor, ft.ret if flavor == Flavor.FUNCTION else None, name)
        for p in ft.params:
            scope.add(p.name, p.type, "param")
        ctx = Ctx(ip.module, scope)
        if ip.expect is not None and stmts:
            # a speculative load (memo.py): checked on its first call
            ip.body_order += 1
            body = Body(_no_statements, 0, scope.nslots, ip.body_order)
            body.fn = self.unchecked_body(body, stmts, ctx)
            return body
        if stmts.__class__ is EncodedBody:
            stmts = stmts.decode()
        stmts = ip.checker.check_body(stmts, ctx)
        ip.body_order += 1
        body = Body(_no_statements, 0, scope.nslots, ip.body_order, self.inits(scope))
        if stmts and not ip.decl_failed():
            if ip.lazy_bodies:
                body.fn = ip.compiler.lazy_body(body, stmts)
            else:
                body.fn = ip.compiler.function_body(stmts)
        return body

    def inits(self, scope) -> list:
        """(slot, maker) of each local aggregate a checked body's scope
        declared: the body's first statement (Bro's InitStmt)."""
        return [(var.slot, self.interp.compiler.records.maker(var.type, attrs))
                for var, attrs in scope.aggregate_inits]

    def unchecked_body(self, body, stmts, ctx):
        """`body.fn` for a body of a speculative load: on its first call it
        is checked as it would have been where it stands (in its module and
        script, seeing only the globals declared before it), then compiled.
        The memo guarantees the check is clean; were it not, the error is
        reported and the run ends with status 1, as for a deferred
        declaration (deferred.py)."""
        ip = self.interp
        script = ip.current_script
        limit = ip.visible_limit if ip.visible_limit is not None else ip.globals.position()

        def first_call(frame):
            saved = (ip.module, ip.current_script, ip.visible_limit,
                     ip.errors_before_decl, ip.poisoned_before_decl)
            ip.module, ip.current_script, ip.visible_limit = ctx.module, script, limit
            ip.errors_before_decl, ip.poisoned_before_decl = ip.reporter.errors, ip.checker.poisoned
            try:
                todo = stmts.decode() if stmts.__class__ is EncodedBody else stmts
                checked = ip.checker.check_body(todo, ctx)
                failed = ip.decl_failed()
            finally:
                (ip.module, ip.current_script, ip.visible_limit,
                 ip.errors_before_decl, ip.poisoned_before_decl) = saved
            body.nslots = ctx.scope.nslots
            body.inits = self.inits(ctx.scope)
            if failed or not checked:
                ip.deferred_failed = ip.deferred_failed or failed
                body.fn = _no_statements
                return None
            # this call's frame was made for the body before its locals had
            # slots: it grows, and gets its aggregates, as later calls' will;
            # then the body is compiled as any other on its first call
            frame += [UNSET] * (body.nslots - len(frame))
            for slot, make in body.inits:
                frame[slot] = make()
            body.fn = ip.compiler.lazy_body(body, checked)
            return body.fn(frame)
        return first_call


def _no_statements(frame):
    return None


def widen_records(gids, rt):
    """Record values made before `redef record` get the new fields unset
    (language.md §2.5); at parse time only globals can hold them."""
    from .runtime.values import RecordVal, VectorVal
    n = len(rt.fields)
    seen = set()

    def walk(v):
        if id(v) in seen:
            return
        if isinstance(v, RecordVal):
            seen.add(id(v))
            if v.rtype is rt and len(v.vals) < n:
                v.vals.extend([UNSET] * (n - len(v.vals)))
            for x in v.vals:
                walk(x)
        elif isinstance(v, VectorVal):
            seen.add(id(v))
            for x in v.items:
                walk(x)
        elif isinstance(v, TableVal):
            seen.add(id(v))
            for idx, val in v.data.values():
                walk(val)
    memo: dict = {}
    containers = (RecordVal, VectorVal, TableVal)
    # `gids` are the globals whose type may hold a record at all
    # (Declarer.holders; Bro's init-default has ~90 `redef record`s and
    # thousands of globals, mostly functions and types: each used to walk
    # every one).  Skipped: a deferred global (made later, with the widened
    # type; its class is not GlobalID until then), one holding no
    # container, one of a type that cannot hold a record of this one.
    # Walking a small value is cheaper than asking its type (a record type
    # such as `connection` reaches hundreds of fields).
    for g in [g for g in gids if type(g) is GlobalID and isinstance(g.value, containers)]:
        v = g.value
        size = len(v.data) if isinstance(v, TableVal) else len(
            v.items if isinstance(v, VectorVal) else v.vals)
        if size <= 16 or may_hold(g.type, rt, memo):
            walk(v)


def holds_records(t) -> bool:
    """Whether a value of static type `t` may ever hold a record: only
    record types grow (`redef record`), so the answer never changes."""
    if t is None:
        return True
    k = t.kind
    if k == K.RECORD or k in (K.ANY, K.LIST, K.ERROR):
        return True
    if k in (K.TABLE, K.VECTOR):
        return t.yield_ is None and k == K.VECTOR or t.yield_ is not None and holds_records(t.yield_)
    return False


def may_hold(t, rt, memo) -> bool:
    """Whether a value of static type `t` may hold a record of type `rt`
    (through `any`, anything may)."""
    if t is None:
        return True
    k = t.kind
    if k == K.RECORD:
        if t is rt:
            return True
        key = id(t)
        if key not in memo:
            memo[key] = False           # a record that holds itself
            memo[key] = any(may_hold(f.type, rt, memo) for f in t.fields)
        return memo[key]
    if k in (K.TABLE, K.VECTOR):
        return t.yield_ is not None and may_hold(t.yield_, rt, memo) or (
            k == K.VECTOR and t.yield_ is None)
    return k in (K.ANY, K.LIST, K.ERROR)


def same_enum_items(et, items, ck, module) -> bool:
    """`items` (enum items of a declaration) name exactly the values of `et`."""
    if len(items) != len(et.values):
        return False
    num = 0
    for it in items:
        num = it.value if it.value is not None else num
        v = et.values.get(ck.full_name(it.name, module))
        if v is None or v.num != num:
            return False
        num += 1
    return True
