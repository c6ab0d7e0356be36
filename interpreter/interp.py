"""The interpreter: global state, executing declarations as they are read,
builtins, and the public Python API (`Interpreter`)."""
from __future__ import annotations

import os
import sys
from typing import Optional

from . import nodes as N
from . import types as T
from .builtins import builtin_families
from .builtins.registry import BUILTINS, not_supported, unimplemented_builtins
from .checker import Checker, Ctx
from .compiler import Compiler
from .errors import BroError, BroSyntaxError, BroTypeError, ExprError, NoValue, ScriptExit, Loc
from .lexer import Lexer
from .loader import Loader
from .deferred import is_deferred
from .parser import parse_tokens, terminal_names
from .runtime import ops
from .runtime.runtime import Body, Reporter, Runtime
from .runtime.values import UNSET, FuncVal, TableVal
from .scope import FuncScope, GlobalID


# The script every run loads first (language.md §7); the documentation
# tool leaves it out of the pages it writes.
PRELUDE_NAME = "base/init-bare.bro"


class Interpreter:
    # files of simple declarations are declared on first use (deferred.py);
    # a subclass that must see every declaration as it is read says False
    defer_declarations = True
    def __init__(self, out=None, err=None, environ=None):
        """`environ`: what getenv/setenv see (bytes to bytes); by default the
        process's own environment.  Each node of a simulated cluster has
        its own, with its own CLUSTER_NODE (cluster.md §5)."""
        self.environ = environ if environ is not None else os.environb
        # the seed file of `-G FILE`; when None, BRO_SEED_FILE of `environ`
        # names it (bifs/core-1.md §3: -G wins)
        self.seed_file: Optional[str] = None
        self.reporter = Reporter(err)
        self.globals: dict[str, GlobalID] = {}
        self.module = "GLOBAL"
        self.exporting = False
        self.current_script = "<prelude>"
        self.top_scope = FuncScope(None, None, "<top-level>")
        self.checker = Checker(self)
        self.runtime = Runtime(self, out, err)
        self.compiler = Compiler(self)
        self.loader = Loader(self)
        self.body_order = 0
        self.scripts: list = []              # display names, in load order
        self.script_summaries: dict = {}     # script -> its `##!` lines
        self.script_loads: dict = {}         # script -> scripts it @loads
        self.stmt_module = "GLOBAL"
        self.errors_before_decl = 0
        self.poisoned_before_decl = 0
        self.top_level = None
        # every builtin is declared by a base/bif stub now; nothing is
        # installed on first use any more (checker.lazy_builtin finds none)
        self.lazy_builtins: dict = {}
        self._install_builtins()

    # ------------------------------------------------------------ builtins
    def _install_builtins(self):
        """Start-up as Bro 2.6 does it (bro26-surface.md "How Bro 2.6 loads
        them"): the plugin tag enums exist before any script is read, then
        base/init-bare and base/init-frameworks-and-bifs are loaded from the
        script path (also in bare mode); their base/bif stubs declare the
        builtins, which bind_builtin() gives their Python implementations."""
        builtin_families()
        from .builtins.tags import declare_component_tags
        declare_component_tags(self)
        self.loader.run([("<start-up>", "@load base/init-bare\n@load base/init-frameworks-and-bifs\n",
                          None)])
        # Zeek's names for the start-up and shutdown events are the same events
        for alias, name in (("zeek_init", "bro_init"), ("zeek_done", "bro_done")):
            if name in self.globals and alias not in self.globals:
                self.globals[alias] = self.globals[name]

    def bind_builtin(self, gid):
        """Give a declared `global f: function(...)` its builtin, as Bro's
        BuiltinFunc binds the C++ function to the ID a .bif stub declares."""
        spec = BUILTINS.get(gid.name)
        variadic = is_variadic_stub(gid.type)
        if spec is not None:
            ft = gid.type
            if variadic:
                # bifcl writes `f(a: T, ...)` as `f(va_args: any)`; Bro lets
                # any arguments through such a type (check_and_promote_args'
                # "variadic BIFs" pass).  The registration keeps the fixed
                # parameters, which the implementation is called with.
                ft = gid.type = self.builtin_type(spec)
            gid.value = FuncVal(gid.name, ft, spec.impl, spec.pure)
            gid.defined = True
            gid.deprecated = gid.deprecated or spec.deprecated
        elif gid.name in unimplemented_builtins():
            if variadic:
                gid.type.params = []
                gid.type.varargs = True
            gid.value = FuncVal(gid.name, gid.type, not_supported(gid.name))
            gid.defined = True

    def builtin_type(self, spec):
        sig = spec.signature
        if spec.deprecated:
            sig = sig.rstrip()[:-len("&deprecated")]
        head, rest = sig.split("(", 1)
        lx = Lexer(terminal_names(), None)
        lx.push_file("<builtin>", head.split()[0] + "(" + rest, None)
        te = parse_tokens(list(lx.tokens()), "type")
        module = spec.name.rsplit("::", 1)[0] if "::" in spec.name else "GLOBAL"
        return self.checker.resolve_type(te, module)

    def call_result_type(self, gid, args):
        """`sort`/`copy`-like builtins whose result type follows their argument."""
        if gid is not None and getattr(gid, "name", None) in ("sort",) and args:
            a = args[0]
            return a.operand.type if isinstance(a, N.Coerce) else a.type
        return None

    # ------------------------------------------------------------ loading
    def run_text(self, name, text):
        self.loader.lexer.push_file(name, text, None)
        self.loader._items()

    def script_loaded(self, display, path, from_script=None):
        self.scripts.append(display)
        if from_script is not None:
            self.script_loads.setdefault(from_script, []).append(display)

    def file_done(self, frame):
        self.script_summaries[frame.name] = frame.summary

    def statements_started(self, tok):
        self.stmt_module = self.module

    def declaration(self, toks):
        node = parse_tokens(toks, "decl")
        self.execute_decl(node)

    def eval_if(self, toks, loc, text, scope=None) -> bool:
        expr = parse_tokens(toks, "expr", loc)
        before = self.reporter.errors
        e = self.checker.check_expr(expr, Ctx(self.module, scope, in_if=True))
        if self.reporter.errors != before:
            self.reporter.parse_error(f"invalid expression in @if ({text.strip()})", loc)
            return False
        try:
            return bool(self.compiler.expr(e)([None]))
        except (NoValue, ExprError):
            return False

    # ------------------------------------------------------------ declarations
    def execute_decl(self, d):
        self.errors_before_decl = self.reporter.errors
        self.poisoned_before_decl = self.checker.poisoned
        getattr(self, "d_" + type(d).__name__)(d)

    def decl_failed(self) -> bool:
        """The declaration being executed had a checking error: nothing of it
        is compiled or run (the whole run will end with status 1 anyway)."""
        return (self.reporter.errors > self.errors_before_decl
                or self.checker.poisoned > self.poisoned_before_decl)

    def d_ModuleDecl(self, d):
        self.module = d.name

    def d_ExportDecl(self, d):
        old = self.exporting
        self.exporting = True
        for x in d.decls:
            self.execute_decl(x)
        self.exporting = old

    def new_global(self, d, kind, t):
        full = self.checker.full_name(d.name, self.module)
        gid = GlobalID(full, kind, t, d.loc)
        gid.exported = self.exporting
        gid.docs = list(d.docs)
        gid.script = self.current_script
        self.globals[full] = gid
        return gid

    def d_VarDecl(self, d):
        ck = self.checker
        full = ck.full_name(d.name, self.module)
        old = self.globals.get(full)
        t = ck.resolve_type(d.type, self.module) if d.type is not None else None
        if old is not None and old.kind not in ("func",) or (old is not None and old.defined):
            if old.attrs.has("&redef") or old.kind == "option":
                self.reporter.warning(f'redefinition requires "redef" ({full})', d.loc)
            elif old.kind == "func" and not old.defined and t is not None:
                pass
            else:
                ck.error("already defined", d.loc, d.name)
                return
        if d.kind == "option" and d.init is None:
            if t is None:
                ck.error("no type given", d.loc, d.name)
            else:
                ck.error("option variable must be initialized", d.loc, d.name)
            return
        if d.kind == "const" and d.init is None and not any(a.name == "&redef" for a in d.attrs):
            ck.error("const variable must be initialized", d.loc, d.name)
        ctx = Ctx(self.module)
        init = None
        if d.init is not None:
            init, t = ck.init_value(d.init, t, ctx, d.name, d.loc)
        elif t is None:
            ck.error("no type given", d.loc, d.name)
            return
        if old is not None and old.kind == "func" and not old.defined and t.kind == "func":
            gid = old
        else:
            gid = self.new_global(d, d.kind if d.kind != "global" or t.kind != "func" else "func", t)
            if d.kind == "global" and t.kind == "func":
                gid.kind = "func"
        gid.attrs = ck.attrs(d.attrs, self.module, t)
        if gid.attrs.has("&deprecated"):
            gid.deprecated = True
        if d.kind == "option":
            gid.attrs.add(T.Attr("&redef"))
        if t.kind == "func" and init is None:
            if t.flavor in ("event", "hook"):
                gid.value = FuncVal(full, t)
            elif gid.value is UNSET:
                self.bind_builtin(gid)
            return
        gid.value = self.evaluate_init(init, t, gid.attrs)

    def evaluate_init(self, init, t, attrs):
        if self.decl_failed():
            return UNSET
        try:
            # a new record evaluates its fields' &default expressions
            v = ops.new_value(t) if init is None else self.compiler.expr(init)([None])
        except NoValue:
            return UNSET
        except ExprError as ex:
            self.runtime.expr_error(ex)
            return UNSET
        if isinstance(v, TableVal):
            d = ops.make_default(self.compiler, attrs, t)
            if d is not None:
                v.default = d
                v.attrs = attrs
        return v

    def d_TypeDecl(self, d):
        ck = self.checker
        full = ck.full_name(d.name, self.module)
        existing = ck.lookup_global(d.name, self.module, check_export=False)
        if existing is not None and existing.kind == "type":
            full = existing.name
        if d.type.kind == "enum":
            if (existing is not None and existing.kind == "type" and existing.type.kind == "enum"
                    and same_enum_items(existing.type, d.type.args, ck, self.module)):
                # Bro allows an enum to be declared twice when both match
                # exactly, so that a .bif and a script may both declare it
                # (e.g. Broker::ErrorCode in comm.bif and broker/main.bro)
                return
            et = T.EnumType(full)
            gid = self.new_global(d, "type", et)
            gid.name = full
            self.globals[full] = gid
            ck.add_enum_items(et, d.type.args, self.module, d.loc, self.exporting)
            return
        t = ck.resolve_type(d.type, self.module)
        if t.kind == "record" and any(a.name == "&log" for a in d.attrs or ()):
            # `type R: record {...} &log;` logs every field declared here, not
            # fields a later `redef record` adds (bifs/logging-input.md §1.3);
            # the fields' own attributes stay as written
            t.log_upto = len(t.fields)
        if (existing is not None and existing.kind == "type" and t.kind == "record"
                and existing.type.kind == "record" and not existing.type.fields):
            # completing a forward declaration `type R: record {};`: the same
            # type object, so everything already declared with it still fits
            rt = existing.type
            for f in t.fields:
                rt.add_field(f)
            if getattr(t, "log_upto", 0):
                rt.log_upto = len(rt.fields)
            existing.docs = existing.docs or list(d.docs)
            return
        if d.type.kind in ("record", "enum") or (t.name is None and d.type.kind not in T.BASE_TYPES
                                                  and d.type.kind != "named"):
            t.name = full
        else:
            # `type X: count;` or `type X: Y;` names a copy, never the shared type
            import copy
            t = copy.copy(t)
            t.name = full
        gid = self.new_global(d, "type", t)
        gid.name = full
        self.globals[full] = gid
        gid.attrs = ck.attrs(d.attrs, self.module)

    def lookup_redef(self, d):
        gid = self.checker.lookup_global(d.name, self.module, d.loc)
        if gid is None:
            self.checker.error('"redef" used but not previously defined', d.loc, d.name)
        return gid

    def d_RedefValue(self, d):
        ck = self.checker
        gid = self.lookup_redef(d)
        if gid is None:
            return
        if not (gid.attrs.has("&redef") or gid.kind == "option"):
            ck.error("already defined", d.loc, d.name)
            return
        gid.redefs.append((self.current_script, d.loc, d.docs))
        ctx = Ctx(self.module)
        t = gid.type
        init, _ = ck.init_value(d.init, t, ctx, d.name, d.loc)
        new = self.evaluate_init(init, t, gid.attrs)
        if new is UNSET:
            return
        if d.op == "=":
            gid.value = new
            return
        cur = gid.value
        if cur is UNSET:
            # no value to add to: the declaration's initializer failed (its
            # error is reported) or, for a pattern, there was none
            if d.op == "+=":
                gid.value = new
            return
        if isinstance(cur, TableVal):
            if d.op == "+=":
                for k, ent in new.data.items():
                    if k in cur.data:
                        cur.data[k][1] = ent[1]
                    else:
                        cur.data[k] = ent
            else:
                for k in new.data:
                    cur.data.pop(k, None)
        elif t.kind == "vector":
            cur.items.extend(new.items)
        elif t.kind == "pattern":
            from .runtime.patterns import pattern_or
            gid.value = pattern_or(cur, new)
        else:
            ck.error("+= initializer only applies to tables, sets, vectors and patterns", d.loc, d.name)

    def d_RedefAttrs(self, d):
        gid = self.lookup_redef(d)
        if gid is None:
            return
        for a in self.checker.attrs(d.attrs, self.module, gid.type):
            gid.attrs.add(a)

    def d_RedefEnum(self, d):
        gid = self.lookup_redef(d)
        if gid is None or gid.kind != "type" or gid.type.kind != "enum":
            return
        self.checker.add_enum_items(gid.type, d.items, self.module, d.loc, self.exporting)
        gid.redefs.append((self.current_script, d.loc, d.docs))

    def d_RedefRecord(self, d):
        gid = self.lookup_redef(d)
        if gid is None or gid.kind != "type" or gid.type.kind != "record":
            return
        rt = gid.type
        log = any(a.name == "&log" for a in d.attrs)
        for f in d.fields:
            fld = self.checker.field_decl(f, self.module)
            if not fld.attrs.has("&optional"):
                self.checker.error("extension field must be &optional or have &default", d.loc, rt.name or d.name)
                continue
            if log:
                fld.attrs.add(T.Attr("&log"))
            rt.add_field(fld)
        widen_records(self.globals.values(), rt)
        gid.redefs.append((self.current_script, d.loc, d.docs))

    def d_FuncDef(self, d):
        ck = self.checker
        ft = ck.func_type(d.flavor, d.params, self.module)
        gid = ck.lookup_global(d.name, self.module, d.loc)
        if gid is not None and gid.implicit and d.flavor == "event":
            gid.type = ft
            gid.value.ftype = ft
            gid.implicit = False
        if gid is not None and gid.kind == "func" and gid.type is not None:
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
            if d.flavor == "function" and gid.defined and not d.redef and not gid.attrs.has("&redef"):
                ck.error("already defined", d.loc, d.name)
                return
            old.params = ft.params if d.flavor == "function" else old.params
        else:
            if d.flavor == "event":
                full = d.name if "::" in d.name else d.name
            else:
                full = ck.full_name(d.name, self.module)
            gid = GlobalID(full, "func", ft, d.loc)
            gid.exported = self.exporting
            gid.script = self.current_script
            gid.docs = list(d.docs)
            self.globals[full] = gid
        fv = gid.value if isinstance(gid.value, FuncVal) else FuncVal(gid.name, gid.type)
        gid.value = fv
        body = self.compile_body(d.flavor, ft, d.body, gid.name)
        prio = 0
        for a in d.attrs:
            if a.name == "&priority":
                before = (self.reporter.errors, ck.poisoned)
                e = ck.check_expr(a.expr, Ctx(self.module))
                if (self.reporter.errors, ck.poisoned) != before:
                    continue
                if not e.type.is_integral():
                    ck.error("expression is not of integral type", a.loc)
                    continue
                try:
                    prio = self.compiler.expr(e)([None])
                except (NoValue, ExprError) as ex:
                    # Bro's end_func: an Eval() without a value
                    if isinstance(ex, ExprError):
                        self.runtime.expr_error(ex)
                    ck.error("invalid priority", a.loc)
            elif a.name not in ("&deprecated",):
                ck.error("illegal attribute for function body", a.loc)
        body.priority = prio
        if d.flavor == "function" or d.redef:
            fv.bodies = [body]
        else:
            fv.bodies.append(body)
            fv.bodies.sort(key=lambda b: (-b.priority, b.order))
        gid.defined = d.flavor == "function"
        if d.flavor != "function":
            gid.defined = False

    def compile_body(self, flavor, ft, stmts, name):
        scope = FuncScope(flavor, ft.ret if flavor == "function" else None, name)
        for p in ft.params:
            scope.add(p.name, p.type, "param")
        ctx = Ctx(self.module, scope)
        stmts = self.checker.check_body(stmts, ctx)
        fn = self.compiler.body(stmts) if stmts and not self.decl_failed() else (lambda f: None)
        inits = [(var.slot, self.aggregate_maker(var.type, attrs))
                 for var, attrs in scope.aggregate_inits]
        self.body_order += 1
        return Body(fn, 0, scope.nslots, self.body_order, inits)

    def aggregate_maker(self, t, attrs):
        """fn() -> a fresh empty value for an uninitialised aggregate local."""
        deflt = ops.make_default(self.compiler, attrs, t) if t.kind == "table" else None
        if deflt is None:
            return lambda: ops.new_value(t)

        def make():
            v = ops.new_value(t)
            v.default = deflt
            v.attrs = attrs
            return v
        return make

    def make_lambda(self, e):
        ft = e.type
        scope = e.scope
        fn = self.compiler.body(e.body) if e.body else (lambda f: None)
        inits = [(v.slot, self.aggregate_maker(v.type, attrs)) for v, attrs in scope.aggregate_inits]
        fv = FuncVal("anonymous-function", ft)
        fv.bodies = [Body(fn, 0, scope.nslots, 0, inits)]
        return fv

    # ------------------------------------------------------------ events
    def event_handler(self, name) -> Optional[FuncVal]:
        gid = self.globals.get(name)
        if gid is None:
            return None
        v = gid.value
        return v if isinstance(v, FuncVal) else None

    def lookup_enum(self, type_name: str, name: str):
        gid = self.globals.get(name)
        return gid.value if gid is not None else None

    # ------------------------------------------------------------ whole runs
    def load_sources(self, sources):
        """Parse and execute declarations of all sources; compile top-level statements."""
        toks = self.loader.run(sources)
        if toks:
            stmts = parse_tokens(toks, "stmt_list")
            ctx = Ctx(self.stmt_module, self.top_scope)
            self.errors_before_decl = self.reporter.errors
            self.poisoned_before_decl = self.checker.poisoned
            stmts = self.checker.check_body(stmts, ctx)
            if not self.decl_failed():
                self.top_level = self.compiler.body(stmts) if stmts else None

    def run(self):
        self.runtime.run(self.top_level)


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


def is_variadic_stub(ft) -> bool:
    return (ft.kind == "func" and len(ft.params) == 1 and ft.params[0].name == "va_args"
            and ft.params[0].type.kind == "any")


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
    for g in list(gids):
        if not is_deferred(g):      # made later, with the widened type
            walk(g.value)
