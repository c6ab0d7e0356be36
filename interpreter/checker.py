"""Resolver and type checker: names -> bindings, types inferred and checked,
coercions made explicit as `Coerce` nodes (language.md §2-§4, values.md §4-§5).

The compiler trusts what this module decided.  Semantic errors are reported
through the interpreter's reporter and checking goes on (exit 1 after
parsing); `unknown identifier` stops parsing, as in Bro.
"""
from __future__ import annotations

import copy
from typing import Optional

from . import nodes as N
from . import types as T
from .errors import BroSyntaxError, Loc
from .render import expr_text
from .scope import FuncScope, GlobalID, LocalVar


def _no_value(frame):
    from .errors import NoValue
    raise NoValue


class Ctx:
    """Where an expression is checked: module, function scope, loop depth."""

    def __init__(self, module: str, scope: Optional[FuncScope] = None, in_if: bool = False):
        self.module = module
        self.scope = scope
        self.in_if = in_if
        self.loops = 0
        self.switches = 0
        # an anonymous function's enclosing bodies, innermost last, and the
        # names in it that refer to their locals (language.md §2.6.4)
        self.outers: list[FuncScope] = []
        self.outer_refs: Optional[list] = None


class Checker:
    def __init__(self, interp):
        self.interp = interp
        self.globals = interp.globals
        self.poisoned = 0

    # ------------------------------------------------------------ reporting
    def error(self, msg: str, loc: Loc, *objs):
        if objs:
            msg = f"{msg} ({' and '.join(objs)})"
        self.interp.reporter.parse_error(msg, loc)

    def warn(self, msg: str, loc: Loc, *objs):
        if objs:
            msg = f"{msg} ({' and '.join(objs)})"
        self.interp.reporter.warning(msg, loc)

    # ------------------------------------------------------------ names
    def full_name(self, name: str, module: str) -> str:
        if "::" in name:
            return name[8:] if name.startswith("GLOBAL::") else name
        return name if module == "GLOBAL" else f"{module}::{name}"

    def lookup_global(self, name: str, module: str, loc: Loc = None, check_export=True):
        cand = self.full_name(name, module)
        gid = self.globals.get(cand)
        if gid is None and "::" not in name:
            gid = self.globals.get(name)
        if gid is None:
            gid = self.lazy_builtin(cand) or self.lazy_builtin(name)
        if gid is not None and check_export and loc is not None:
            m = gid.module
            if m != "GLOBAL" and m != module and not gid.exported:
                self.error(f"identifier is not exported: {gid.name}", loc)
        return gid

    def lazy_builtin(self, name):
        spec = self.interp.lazy_builtins.pop(name, None)
        return self.interp.install_builtin(spec) if spec is not None else None

    def lookup(self, name: str, ctx: Ctx, loc: Loc):
        if ctx.scope is not None and "::" not in name:
            v = ctx.scope.get(name)
            if v is not None:
                return v
            for sc in reversed(ctx.outers):
                v = sc.get(name)
                if v is not None:
                    return v
        return self.lookup_global(name, ctx.module, loc)

    # ------------------------------------------------------------ types
    def resolve_type(self, te: N.TypeExpr, module: str) -> T.Type:
        k = te.kind
        if k in T.BASE_TYPES:
            return T.BASE_TYPES[k]
        if k == "named":
            gid = self.lookup_global(te.name, module, te.loc)
            if gid is None:
                self.error(f"identifier not defined: {te.name}", te.loc)
                return T.ERROR
            if gid.kind != "type":
                self.error("not a Bro type", te.loc, te.name)
                return T.ERROR
            return gid.type
        if k == "table":
            return T.TableType([self.resolve_type(a, module) for a in te.args],
                               self.resolve_type(te.yield_, module))
        if k == "set":
            return T.TableType([self.resolve_type(a, module) for a in te.args], None)
        if k == "vector":
            return T.VectorType(self.resolve_type(te.yield_, module))
        if k == "record":
            return T.RecordType([self.field_decl(f, module) for f in te.fields])
        if k == "enum":
            et = T.EnumType()
            self.add_enum_items(et, te.args, module, te.loc)
            return et
        if k in ("function", "event", "hook"):
            return self.func_type(k, te.params, module)
        if k == "file":
            return T.FileType(self.resolve_type(te.yield_, module) if te.yield_ else T.STRING)
        if k == "opaque":
            return T.OpaqueType(te.name)
        self.error(f"{k} type not implemented", te.loc)
        return T.ERROR

    def field_decl(self, f: N.FieldDecl, module: str) -> T.Field:
        ft = self.resolve_type(f.type, module)
        attrs = self.attrs(f.attrs, module, ft, is_field=True)
        return T.Field(f.name, ft, attrs, f.docs, f.loc)

    def attrs(self, nodes_, module: str, target: Optional[T.Type] = None,
              is_field: bool = False) -> T.Attrs:
        """Check attributes; `&default` is checked against `target` (for a
        table variable the yield type, for a record field or parameter the
        field's own type)."""
        out = T.Attrs()
        for a in nodes_ or []:
            expr = None
            errors, poisoned = self.interp.reporter.errors, self.poisoned
            if a.expr is not None:
                ctx = Ctx(module)
                expr = self.check_expr(a.expr, ctx)
                if a.name == "&default" and target is not None:
                    expr = self.default_attr(expr, target, ctx, is_field)
            attr = T.Attr(a.name, expr, a.loc)
            if expr is not None and a.name == "&default":
                if self.interp.reporter.errors > errors or self.poisoned > poisoned:
                    # the compiler trusts the checker: an expression in error
                    # is never compiled, and has no value (the run ends with
                    # status 1 after parsing)
                    attr.compiled = _no_value
                else:
                    # compiled by the interpreter that declared it (values.md
                    # §5.5: evaluated afresh for every new record or missing key)
                    attr.compiled = self.interp.compiler.expr(expr)
            out.add(attr)
        return out

    def default_attr(self, expr, target: T.Type, ctx: Ctx, is_field: bool = False):
        """&default must have the field/yield type (or be a function of the index)."""
        if is_field:
            return self.coerce(expr, target, ctx, "&default value has inconsistent type")
        yt = target.yield_ if target.kind == "table" and not target.is_set else target
        if expr.type.kind == "func" and (yt is None or yt.kind != "func"):
            ft = expr.type
            if target.kind == "table" and target.indices is not None and yt is not None and not (
                    len(ft.params) == len(target.indices)
                    and all(T.same_type(p.type, i) for p, i in zip(ft.params, target.indices))
                    and ft.ret is not None and T.same_type(ft.ret, yt)):
                # Bro's Attributes::CheckAttr: the function takes the index
                # and yields the table's yield type
                self.error("&default function type clash", expr.loc, expr_text(expr))
            return expr
        if yt is None:
            return expr
        return self.coerce(expr, yt, ctx, "&default value has inconsistent type")

    def func_type(self, flavor: str, pl: N.ParamList, module: str) -> T.FuncType:
        params = []
        seen = set()
        for p in pl.params:
            if p.name in seen:
                self.error("argument name used twice", p.loc, p.name)
            seen.add(p.name)
            pt = self.resolve_type(p.type, module)
            params.append(T.Param(p.name, pt, self.attrs(p.attrs, module, pt, is_field=True)))
        ret = None
        if pl.ret is not None:
            ret = self.resolve_type(pl.ret, module)
            if flavor == "event":
                self.error("event cannot yield a value", pl.loc)
        if flavor == "hook":
            ret = T.BOOL
        ft = T.FuncType(flavor, params, ret)
        ft.varargs = pl.varargs
        return ft

    def add_enum_items(self, et: T.EnumType, items, module: str, loc: Loc, exported=False):
        for it in items:
            full = self.full_name(it.name, module)
            if full in et.values or (full in self.globals and self.globals[full].kind != "enum"):
                self.error("identifier or enumerator value in enumerated type definition already exists", it.loc, full)
                continue
            explicit = it.value is not None
            if et.explicit is None:
                et.explicit = explicit
            elif et.explicit != explicit:
                self.error("cannot mix explicit enumerator assignment and implicit auto-increment", it.loc, full)
            num = it.value if explicit else et.next_num
            val = et.add(full, num)
            gid = GlobalID(full, "enum", et, it.loc)
            gid.value = val
            gid.exported = exported
            gid.docs = it.docs
            gid.script = self.interp.current_script
            self.globals[full] = gid

    # ------------------------------------------------------------ coercion
    def coerce(self, e, t: T.Type, ctx: Ctx, msg: str = "type clash", lhs=None):
        """Return `e` converted to `t` (a Coerce node), or report `msg`."""
        et = e.type
        if et is None or t is None or et.kind == "error" or t.kind == "error":
            return e
        if t.kind == "any":
            if et.kind == "any":
                return e
            return N.Coerce(e.loc, e, type=t)
        if et is t:
            return e
        if et.is_arith() and t.is_arith():
            if et.kind == t.kind:
                return e
            return N.Coerce(e.loc, e, type=t)
        if t.kind == "record" and et.kind == "record":
            if et is t:
                return e
            if isinstance(e, (N.ListExpr, N.Ctor)) or getattr(et, "name", None) is None:
                return self.record_coerce(e, t, ctx)
            if T.same_type(et, t):
                return e
        if t.kind == "table" and et.kind == "table":
            if et.unspecified or (isinstance(e, N.Ctor) and self._ctor_fits(e, t)):
                return self.retype_ctor(e, t, ctx)
            if T.same_type(et, t):
                return e
        if t.kind == "vector" and et.kind == "vector":
            if et.unspecified:
                return N.Coerce(e.loc, e, type=t)
            if t.yield_ is not None and t.yield_.kind == "any":
                # a `vector of any` takes any vector as it is: the very same
                # object, so changes through it reach the caller (values.md §5.3)
                return e
            if isinstance(e, N.Ctor) and t.yield_ is not None and et.yield_ is not None \
                    and et.yield_.is_arith() and t.yield_.is_arith():
                return N.Coerce(e.loc, e, type=t)
            if T.same_type(et, t):
                return e
        if t.kind == "time" and isinstance(e, N.Const) and et.is_arith() and e.value == 0:
            return N.Coerce(e.loc, e, type=t)
        if T.same_type(et, t):
            return e
        if lhs is None:
            lhs = e
        self.error(msg, e.loc, lhs if isinstance(lhs, str) else expr_text(lhs))
        return e

    def _ctor_fits(self, e, t):
        return True

    def retype_ctor(self, e, t, ctx):
        """An unspecified table()/set() (or one whose elements fit) takes type t."""
        if isinstance(e, N.Ctor) and e.items and t.indices is not None:
            self.coerce_ctor_indices(e, t, ctx)
        return N.Coerce(e.loc, e, type=t)

    def coerce_ctor_indices(self, e: N.Ctor, t: T.TableType, ctx):
        # The ctor was checked before its type was known; now each index
        # (and value) takes the table's types, so a record ctor becomes a
        # record of the index type, unset optional fields and all
        # (values.md §1.4, §5.5).
        items = []
        for it in e.items:
            if isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr):
                it.target.items = self.check_index(it.target.items, t, ctx, it)
                if t.yield_ is not None and not T.same_type(it.value.type, t.yield_):
                    it.value = self.coerce(it.value, t.yield_, ctx, "type clash in table assignment", it)
            elif isinstance(it, N.ListExpr) and it.type.kind == "list":
                it.items = self.check_index(it.items, t, ctx, it)
            elif t.is_set:
                it = self.check_index([it], t, ctx, it)[0]
            items.append(it)
        e.items = items

    def record_coerce(self, e, t: T.RecordType, ctx: Ctx, nested: bool = False):
        et = e.type
        tn = t.name or T.type_name(t)
        for f in et.fields:
            tf = t.field(f.name)
            if tf is None:
                self.error(f'orphaned field "{f.name}" in record coercion', e.loc,
                           f"(coerce {expr_text(e)} to {tn})")
                break
            if not self.field_fits(f.type, tf.type):
                # Bro's RecordCoerceExpr stops at the first field in error
                self.error(f'type clash for field "{f.name}"', e.loc,
                           f"(coerce {expr_text(e)} to {tn})", T.type_name(f.type))
                self.error("bad record initializer", e.loc, f"(coerce {expr_text(e)} to {tn})")
                break
        for tf in t.fields:
            # a nested record is converted as it stands (Bro's CoerceTo):
            # only the outermost record must have its non-optional fields
            if et.field(tf.name) is None and not tf.attrs.has("&optional") and not nested:
                self.error(f'non-optional field "{tf.name}" missing', e.loc,
                           f"(coerce {expr_text(e)} to {tn})")
        if isinstance(e, (N.ListExpr, N.Ctor)):
            # a nested record ctor becomes a record of the field's type, with
            # its defaults and promotions (values.md §5.5)
            for i in e.items:
                tf = t.field(i.field) if isinstance(i, N.FieldAssign) else None
                if tf is not None and tf.type.kind == "record" and i.value.type.kind == "record" \
                        and i.value.type is not tf.type and isinstance(i.value, (N.ListExpr, N.Ctor)) \
                        and self.field_fits(i.value.type, tf.type):
                    i.value = self.record_coerce(i.value, tf.type, ctx, nested=True)
        return N.Coerce(e.loc, e, type=t)

    def field_fits(self, st: T.Type, tt: T.Type) -> bool:
        """Can a record field of type `st` be coerced into one of type `tt`?
        Bro's record_promotion_compatible: a nested record fits when each of
        its fields does, recursively (plus our arithmetic promotion)."""
        if T.same_type(st, tt) or (st.is_arith() and tt.is_arith()) or tt.kind == "any":
            return True
        if st.kind == "record" and tt.kind == "record":
            return all(tt.field(f.name) is not None and self.field_fits(f.type, tt.field(f.name).type)
                       for f in st.fields)
        if st.kind != tt.kind:
            return False
        # containers fit when what they hold does: an unspecified one
        # (`vector()`, `table()`) always, a vector of functions never
        # into a vector of counts (found by fuzzing)
        if st.kind == "vector":
            return st.yield_ is None or tt.yield_ is None or self.field_fits(st.yield_, tt.yield_)
        if st.kind == "table":
            if st.indices is None or tt.indices is None:
                return True
            if len(st.indices) != len(tt.indices) or st.is_set != tt.is_set:
                return False
            if not all(self.field_fits(a, b) for a, b in zip(st.indices, tt.indices)):
                return False
            return st.is_set or self.field_fits(st.yield_, tt.yield_)
        return False

    # ------------------------------------------------------------ expressions
    def check_expr(self, e, ctx: Ctx):
        m = getattr(self, "x_" + type(e).__name__)
        e = m(e, ctx)
        if e.type is T.ERROR:
            # an error reported earlier (e.g. an undefined type) poisons what
            # uses it: the declaration must not be compiled
            self.poisoned += 1
        return e

    def x_Const(self, e, ctx):
        if e.type.kind == "port":
            from .literals import port_in_range
            if not port_in_range(e.value):
                self.error(f"bad port number - {e.text}", e.loc)
                e.value = 0
        if e.type.kind == "table":     # hostname literal: needs DNS
            self.error(f"not supported by broscript: hostname literal {e.value}", e.loc)
        return e

    def x_PatternLit(self, e, ctx):
        from .runtime.patterns import PatternError, check_pattern
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
        if b.kind == "type":
            e.type = T.TypeType(b.type)
        else:
            e.type = b.type if b.type is not None else T.ERROR
        return e

    def x_Unary(self, e, ctx):
        e.operand = self.check_expr(e.operand, ctx)
        t = e.operand.type
        op = e.op
        if op == "!":
            if t.kind != "bool" and not t.is_integral():
                self.error("requires bool operand", e.loc, expr_text(e))
            e.type = T.BOOL
        elif op == "~":
            if t.kind != "count":
                self.error("requires \"count\" operand", e.loc, expr_text(e))
            e.type = T.COUNT
        elif op in ("-", "+"):
            # a vector's elements take the scalar rule (values.md §4.1)
            et = (t.yield_ or T.ANY) if t.kind == "vector" else t
            if et.kind in ("count", "int"):
                rt = T.INT
            elif et.kind in ("double", "interval"):
                rt = et
            else:
                self.error("requires arithmetic operand", e.loc, expr_text(e))
                e.type = T.ERROR
                return e
            e.type = rt if t.kind != "vector" else (t if rt is et else T.VectorType(rt))
        elif op in ("++", "--"):
            if not self.check_lvalue(e.operand, ctx):
                # Bro's IncrExpr takes MakeLvalue()'s error and says no more
                e.type = T.ERROR
                return e
            if not t.is_integral() and not (t.kind == "vector" and t.yield_ and t.yield_.is_integral()):
                self.error("requires an integral operand", e.loc, expr_text(e))
            e.type = t
        return e

    ARITH_OPS = ("+", "-", "*", "/", "%")

    def x_Binary(self, e, ctx):
        op = e.op
        e.left = self.check_expr(e.left, ctx)
        e.right = self.check_expr(e.right, ctx)
        lt, rt = e.left.type, e.right.type
        if lt.kind == "error" or rt.kind == "error":
            e.type = T.ERROR
            return e
        if op in ("&&", "||"):
            for s in (e.left, e.right):
                if s.type.kind != "bool":
                    self.error("requires boolean operands", e.loc, expr_text(e))
            e.type = T.BOOL
            return e
        if op in ("in", "!in"):
            return self.check_in(e, ctx)
        if op in ("==", "!=", "<", "<=", ">", ">="):
            return self.check_compare(e, ctx)
        if lt.kind == "vector" or rt.kind == "vector":
            if lt.kind != rt.kind:
                self.warn("mixing vector and scalar operands is deprecated", e.loc, expr_text(e))
            return self.check_elementwise(e, ctx)
        if op in self.ARITH_OPS:
            return self.check_arith(e, ctx)
        return self.check_bitwise(e, ctx)

    def check_bitwise(self, e, ctx):
        op = e.op
        lt, rt = e.left.type, e.right.type
        if lt.kind == "count" and rt.kind == "count":
            e.type = T.COUNT
        elif lt.kind == "table" and rt.kind == "table" and op != "^":
            if not T.same_type(lt, rt):
                self.error("incompatible Set types", e.loc, expr_text(e))
            e.type = lt
        elif lt.kind == "pattern" and rt.kind == "pattern" and op != "^":
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
            if op == "%" and (lk == "double" or rk == "double"):
                self.error("requires integral operands", e.loc, expr_text(e))
            t = T.max_arith(lt, rt)
            e.left = self.coerce(e.left, t, ctx)
            e.right = self.coerce(e.right, t, ctx)
            e.type = t
            return e
        if op == "+" and lk == "string" and rk == "string":
            e.type = T.STRING
            return e
        if op == "-" and lk == "table" and rk == "table":
            e.type = lt
            return e
        if lk == "time" and rk == "interval" and op in ("+", "-"):
            e.type = T.TIME
            return e
        if lk == "interval" and rk == "time" and op == "+":
            e.type = T.TIME
            return e
        if lk == "time" and rk == "time" and op == "-":
            e.type = T.INTERVAL
            return e
        if lk == "interval" and rk == "interval":
            if op in ("+", "-"):
                e.type = T.INTERVAL
                return e
            if op == "/":
                e.type = T.DOUBLE
                return e
        if lk == "interval" and rt.is_arith() and op in ("*", "/"):
            e.right = self.coerce(e.right, T.DOUBLE, ctx)
            e.type = T.INTERVAL
            return e
        if lt.is_arith() and rk == "interval" and op in ("*", "/"):
            e.left = self.coerce(e.left, T.DOUBLE, ctx)
            e.type = T.INTERVAL
            return e
        if lk == "addr" and rt.is_integral() and op == "/":
            e.type = T.SUBNET
            return e
        if lt.is_arith() or rt.is_arith():
            self.error("arithmetic mixed with non-arithmetic", e.loc, expr_text(e.left), expr_text(e.right))
        else:
            self.error("requires arithmetic operands", e.loc, expr_text(e))
        e.type = T.ERROR
        return e

    COMPARE_OPS = ("==", "!=", "<", "<=", ">", ">=")

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
            el.type = (t.yield_ or T.ANY) if t.kind == "vector" else t
            return el
        el = N.Binary(e.loc, e.op, element(e.left), element(e.right))
        if el.left.type.kind == "error" or el.right.type.kind == "error":
            e.type = T.ERROR
            return e
        if e.op in self.COMPARE_OPS:
            self.check_compare(el, ctx)
        elif e.op in self.ARITH_OPS:
            self.check_arith(el, ctx)
        else:
            self.check_bitwise(el, ctx)
        e.elem = el
        if el.type.kind == "error":
            e.type = T.ERROR
            return e
        for side in (e.left.type, e.right.type):
            if side.kind == "vector" and side.yield_ is not None and T.same_type(side.yield_, el.type):
                e.type = side
                return e
        e.type = T.VectorType(el.type)
        return e

    def check_compare(self, e, ctx):
        lt, rt = e.left.type, e.right.type
        lk, rk = lt.kind, rt.kind
        e.type = T.BOOL
        if lk == "vector" or rk == "vector":
            return self.check_elementwise(e, ctx)
        if lt.is_arith() and rt.is_arith():
            t = T.max_arith(lt, rt)
            e.left = self.coerce(e.left, t, ctx)
            e.right = self.coerce(e.right, t, ctx)
            return e
        eq = e.op in ("==", "!=")
        if eq and {lk, rk} == {"pattern", "string"}:
            return e
        if lk == "time" and rt.is_arith() and isinstance(e.right, N.Const) and e.right.value == 0 and eq:
            e.right = N.Coerce(e.right.loc, e.right, type=T.TIME)
            return e
        if lk != rk:
            if eq:
                self.error("type clash in comparison", e.loc, expr_text(e.left), expr_text(e.right))
            else:
                self.error("operands must be of the same type", e.loc, expr_text(e))
            return e
        if lk in ("record", "any") or (lk == "table" and not lt.is_set) or lk == "pattern":
            self.error("illegal comparison", e.loc, expr_text(e))
            return e
        if lk == "table":
            return e
        if lk in ("bool", "enum", "subnet", "func") and not eq:
            self.error("illegal comparison", e.loc, expr_text(e))
        if lk == "enum" and lt is not rt:
            self.error("illegal enum comparison", e.loc, expr_text(e))
        return e

    def check_in(self, e, ctx):
        rt = e.right.type
        lt = e.left.type
        e.type = T.BOOL
        rk = rt.kind
        if rk == "table":
            if isinstance(e.left, N.ListExpr) and not self.is_record_ctor(e.left):
                idx = [self.check_expr(i, ctx) if i.type is None else i for i in e.left.items]
            else:
                idx = [e.left]
            if len(idx) == 1 and idx[0].type.kind == "addr" and rt.indices \
                    and len(rt.indices) == 1 and rt.indices[0].kind == "subnet":
                # addr in set[subnet]: does some prefix cover it (values.md §4.5)
                e.left = N.ListExpr(e.left.loc, idx, type=T.ListType([]))
                return e
            e.left = N.ListExpr(e.left.loc, self.check_index(idx, rt, ctx, e), type=T.ListType([]))
            return e
        if rk == "vector":
            if not lt.is_integral():
                self.error("index type doesn't match vector", e.loc, expr_text(e))
            return e
        if rk == "string" and lt.kind in ("string", "pattern"):
            return e
        if rk == "subnet" and lt.kind == "addr":
            return e
        if lt.kind == "pattern" and rk == "string":
            return e
        self.error("not an index type", e.loc, expr_text(e))
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
            if i.type.kind == "error":
                out.append(i)
            elif T.same_type(i.type, t) or (i.type.is_arith() and t.is_arith()) or t.kind == "any" \
                    or (t.kind == "record" and i.type.kind == "record"):
                out.append(self.coerce(i, t, ctx) if not T.same_type(i.type, t) else i)
            else:
                self.error("index type doesn't match table", whole.loc,
                           expr_text(i), "list of " + T.type_name(t))
                out.append(i)
        return out

    def x_Assign(self, e, ctx):
        e.value = self.check_expr(e.value, ctx)
        if isinstance(e.target, N.ListExpr) and e.op == "=":
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
        if tt.kind == "error" or vt.kind == "error":
            return e
        if e.op in ("+=", "-="):
            if tt.kind == "vector" and e.op == "+=":
                e.value = self.coerce(e.value, tt.yield_ or T.ANY, ctx)
                return e
            fake = N.Binary(e.loc, e.op[0], e.target, e.value)
            fake = self.check_arith(fake, ctx) if not (tt.kind == "string" and e.op == "+=") else fake
            if tt.kind == "string" and e.op == "+=" and vt.kind != "string":
                self.error("requires string operand", e.loc, expr_text(e))
            if tt.is_arith() and vt.is_arith():
                e.value = self.coerce(e.value, T.max_arith(tt, vt), ctx)
            return e
        e.value = self.assign_coerce(e.value, tt, ctx, e)
        return e

    def assign_coerce(self, value, tt, ctx, whole):
        vt = value.type
        if tt.kind == "enum" and vt.kind != "enum" or vt.kind == "enum" and tt.kind != "enum" and tt.kind != "any":
            self.error("can't convert to/from enumerated type", whole.loc, expr_text(whole))
            return value
        if tt.is_arith() and not vt.is_arith() and tt.kind != "any":
            self.error("assignment of non-arithmetic value to arithmetic", whole.loc,
                       f"{T.type_name(tt)}/{T.type_name(vt)}")
            return value
        if tt.is_arith() and vt.is_arith():
            if vt.kind == "double" and tt.kind != "double":
                self.warn("dangerous assignment of double to integral", whole.loc, expr_text(whole))
            elif vt.kind == "int" and tt.kind == "count":
                self.warn("dangerous assignment of integer to count", whole.loc, expr_text(whole))
            return N.Coerce(value.loc, value, type=tt) if vt.kind != tt.kind else value
        return self.coerce(value, tt, ctx, "type clash in assignment", whole)

    def check_lvalue(self, t, ctx) -> bool:
        """Report what cannot be assigned to; True if `t` can be."""
        if isinstance(t, N.Name):
            b = t.binding
            if isinstance(b, GlobalID):
                if b.kind == "option":
                    self.error("option is not a modifiable lvalue", t.loc, t.name)
                    return False
                elif b.is_const:
                    self.error("const is not a modifiable lvalue", t.loc, t.name)
                    return False
            elif isinstance(b, LocalVar) and b.kind == "const":
                self.error("const is not a modifiable lvalue", t.loc, t.name)
                return False
            return True
        if isinstance(t, (N.Index, N.Slice)) and t.obj.type.kind == "string":
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
        if e.cond.type.kind != "bool":
            self.error("requires boolean conditional", e.loc, expr_text(e))
        a, b = e.then.type, e.else_.type
        if a.is_arith() and b.is_arith():
            t = T.max_arith(a, b)
            e.then, e.else_ = self.coerce(e.then, t, ctx), self.coerce(e.else_, t, ctx)
            e.type = t
        else:
            if not T.same_type(a, b) and a.kind != "error" and b.kind != "error":
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
        if ft.kind != "func" or ft.flavor != "hook":
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
        if t.kind == "error":
            e.type = T.ERROR
            return e
        if t.kind != "record":
            self.error("not a record", e.loc, expr_text(e))
            e.type = T.ERROR
            return e
        f = t.field(e.field)
        if f is None:
            self.error("no such field in record", e.loc, expr_text(e))
            e.type = T.ERROR
            return e
        if f.attrs.has("&deprecated"):
            self.warn("deprecated", e.loc, expr_text(e))
        e.type = f.type
        e.index = t.index[e.field]
        return e

    def x_HasField(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        e.type = T.BOOL
        if t.kind != "record":
            self.error("not a record", e.loc, expr_text(e))
            return e
        f = t.field(e.field)
        if f is None:
            self.error("no such field in record", e.loc, expr_text(e))
            return e
        if f.attrs.has("&deprecated"):
            self.warn("deprecated", e.loc, expr_text(e))
        e.index = t.index[e.field]
        return e

    def x_Index(self, e, ctx):
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind == "table":
            if len(e.index) == 1 and isinstance(e.index[0], N.ListExpr) and not self.is_record_ctor(e.index[0]):
                e.index = e.index[0].items
            e.index = self.check_index(e.index, t, ctx, e)
            e.type = t.yield_ if not t.is_set else T.BOOL
            if t.is_set:
                self.error("not an index type", e.loc, expr_text(e))
            return e
        e.index = [self.check_expr(i, ctx) for i in e.index]
        if t.kind == "vector":
            if len(e.index) != 1 or not e.index[0].type.is_integral():
                if e.index[0].type.kind == "vector":
                    e.type = t
                    return e
                self.error("index type doesn't match vector", e.loc, expr_text(e))
            e.type = t.yield_ or T.ANY
            return e
        if t.kind == "string":
            e.type = T.STRING
            if not all(self.index_like(i.type) for i in e.index) or len(e.index) != 1:
                # Bro's MatchesIndex: a string takes one integral index
                self.error("not an index type", e.loc, expr_text(e))
            return e
        if t.kind != "error":
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
        if e.obj.type.kind not in ("string", "vector"):
            self.error("slicing not supported", e.loc, expr_text(e))
        elif not all(self.index_like(b.type) for b in (e.lo, e.hi) if b is not None):
            self.error("not an index type", e.loc, expr_text(e))
        return e

    @staticmethod
    def index_like(t) -> bool:
        """An integral index, or one already in error (reported once)."""
        return t.is_integral() or t.kind == "error"

    def x_Call(self, e, ctx):
        f = e.func
        if isinstance(f, N.Name):
            b = self.lookup(f.name, ctx, f.loc)
            if b is None:
                raise BroSyntaxError(f'unknown identifier {f.name}, at or near "{f.name}"', f.loc)
            if isinstance(b, GlobalID) and b.kind == "type":
                return self.named_ctor(e, b.type, ctx)
        e.func = self.check_expr(f, ctx)
        ft = e.func.type
        if ft.kind == "error":
            e.type = T.ERROR
            return e
        if ft.kind != "func":
            self.error("not a function", e.loc, expr_text(e.func))
            e.type = T.ERROR
            return e
        if ft.flavor == "hook":
            # Bro's CallExpr stops here (SetError): the arguments are not
            # matched against the hook's parameters
            self.error("hook cannot be called directly, use hook operator", e.loc, expr_text(e.func))
            e.args = [self.check_expr(a, ctx) for a in e.args]
            e.type = T.ERROR
            return e
        if ft.flavor == "event":
            self.error("event called in expression, use event statement instead", e.loc, expr_text(e))
        e.args = self.check_args(e.args, ft, ctx, e)
        e.type = ft.ret if ft.ret is not None else T.VOID
        special = getattr(self.interp, "call_result_type", None)
        if special is not None and isinstance(e.func, N.Name):
            rt = special(e.func.binding, e.args)
            if rt is not None:
                e.type = rt
        return e

    def check_args(self, args, ft: T.FuncType, ctx, call, event=False):
        args = [self.check_expr(a, ctx) for a in args]
        params = ft.params
        if ft.varargs:
            fixed = params
            out = [self.coerce(a, p.type, ctx, "argument type mismatch") for a, p in zip(args, fixed)]
            rest = [self.coerce(a, T.ANY, ctx) for a in args[len(fixed):]]
            if len(args) < len(fixed):
                self.error("argument type mismatch in function call", call.loc, expr_text(call))
            return out + rest
        msg = "argument type mismatch in event invocation" if event else "argument type mismatch in function call"
        if len(args) > len(params):
            self.error(msg, call.loc, expr_text(call))
            return args
        out = []
        for i, p in enumerate(params):
            if i < len(args):
                a = args[i]
                if a.type.kind == "error":
                    out.append(a)
                    continue
                ok = (T.same_type(a.type, p.type) or p.type.kind == "any"
                      or (a.type.is_arith() and p.type.is_arith() and
                          T.max_arith(a.type, p.type) is p.type)
                      or (a.type.kind == p.type.kind and a.type.kind in ("record", "table", "vector")))
                if not ok:
                    if event:
                        self.error(msg, call.loc, expr_text(call))
                    else:
                        self.error("type mismatch", a.loc, expr_text(a), T.type_name(p.type))
                        self.error(msg, call.loc, expr_text(call))
                    out.append(a)
                    continue
                out.append(self.coerce(a, p.type, ctx))
            else:
                d = p.attrs.get("&default")
                if d is None:
                    self.error(msg, call.loc, expr_text(call))
                    break
                if isinstance(d.expr, N.Coerce):
                    # Bro's call shows a default it filled in as the parser
                    # coerced it: `(coerce 0 to int)` (bifs/strings-reporter-misc.md §1.1)
                    d.expr.shown = True
                out.append(d.expr)
        return out

    def named_ctor(self, e, t: T.Type, ctx):
        """`MyRec($a=1)`, `MyTable([1]="x")`, `MySet(1, 2)`, `MyVec(1, 2)`."""
        kind = {"record": "record", "table": "set" if t.kind == "table" and t.is_set else "table",
                "vector": "vector"}.get(t.kind)
        if kind is None:
            self.error("not a function", e.loc, expr_text(e.func))
            e.type = T.ERROR
            return e
        c = N.Ctor(e.loc, kind, e.args, [])
        c = self.x_Ctor(c, ctx)
        return self.coerce(c, t, ctx, "type clash")

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

    def x_Ctor(self, e, ctx):
        e.items = [self.check_expr(i, ctx) for i in e.items]
        k = e.kind
        if k == "record":
            for i in e.items:
                if not isinstance(i, N.FieldAssign):
                    self.error("bad type in record constructor", e.loc, expr_text(i))
            e.type = T.RecordType([T.Field(i.field, i.type) for i in e.items if isinstance(i, N.FieldAssign)])
            return e
        if k == "vector":
            if not e.items:
                e.type = T.VectorType(None)
                return e
            yt = e.items[0].type
            for i in e.items[1:]:
                if yt.is_arith() and i.type.is_arith():
                    yt = T.max_arith(yt, i.type)
                elif not T.same_type(yt, i.type):
                    self.error("inconsistent types in vector constructor", e.loc, expr_text(e))
            e.items = [self.coerce(i, yt, ctx) for i in e.items]
            e.type = T.VectorType(yt)
            return e
        # table / set
        if not e.items:
            e.type = T.TableType(None, T.ANY if k == "table" else None)
            e.attrs_checked = self.attrs(e.attrs, ctx.module, None)
            return e
        # Bro's init_type: the element types merge (arithmetic ones to the
        # larger type) or clash; then every element takes the merged types
        if k == "set":
            idx = None
            for it in e.items:
                it_idx = it.type.types if isinstance(it, N.ListExpr) and it.type.kind == "list" else [it.type]
                idx = list(it_idx) if idx is None else self.merge_types(idx, it_idx)
                if idx is None:
                    self.error("inconsistent types in set constructor", e.loc, expr_text(e))
                    e.type = T.ERROR
                    return e
            e.type = T.TableType(idx, None)
        else:
            idx = yt = None
            for it in e.items:
                if not (isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr)):
                    self.error("bad table constructor", e.loc, expr_text(e))
                    e.type = T.ERROR
                    return e
                it_idx = [i.type for i in it.target.items]
                idx = it_idx if idx is None else self.merge_types(idx, it_idx)
                yt = it.value.type if yt is None else (self.merge_types([yt], [it.value.type]) or [None])[0]
                if idx is None or yt is None:
                    self.error("inconsistent types in table constructor", e.loc, expr_text(e))
                    e.type = T.ERROR
                    return e
            e.type = T.TableType(idx, yt)
        self.coerce_ctor_indices(e, e.type, ctx)
        e.attrs_checked = self.attrs(e.attrs, ctx.module, e.type)
        return e

    @staticmethod
    def merge_types(a, b):
        """Bro's merge_types over two lists of element types, or None."""
        if len(a) != len(b):
            return None
        out = []
        for x, y in zip(a, b):
            if T.same_type(x, y) or y.kind == "error":
                out.append(x)
            elif x.kind == "error":
                out.append(y)
            elif x.is_arith() and y.is_arith():
                out.append(T.max_arith(x, y))
            else:
                return None
        return out

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
        e.operand = self.check_expr(e.operand, ctx)
        t = self.resolve_type(e.target, ctx.module)
        e.target_type = t
        st = e.operand.type
        if e.op == "is":
            e.type = T.BOOL
            return e
        e.type = t
        if st.kind == "any" or T.same_type(st, t):
            return e
        if st.is_arith() and t.is_arith():
            return e
        if st.kind == "record" and st.name == "Broker::Data":
            # Broker's own conversion decides at run time
            # (bifs/probabilistic-broker.md §3 "Broker data -> Bro value")
            return e
        self.error("cast not supported", e.loc, f"{T.type_name(st)} as {T.type_name(t)}")
        return e

    def x_Schedule(self, e, ctx):
        e.when = self.check_expr(e.when, ctx)
        if e.when.type.kind not in ("interval", "time"):
            self.error("schedule expression requires a time or time interval", e.loc)
        b = self.lookup(e.event, ctx, e.loc)
        if b is None:
            _, e.args = self.implicit_event(e.event, e.args, ctx)
            e.type = T.TIMER
            return e
        ft = b.type
        if ft is None or ft.kind != "func" or ft.flavor != "event":
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

    # ------------------------------------------------------------ initialisers
    def init_value(self, init, t: Optional[T.Type], ctx: Ctx, whole_desc: str, loc: Loc):
        """Check a declaration's initialiser; infer the type when t is None."""
        if isinstance(init, N.InitList):
            init = self.check_expr(init, ctx)
            if t is None:
                t = self.init_list_type(init)
            if t is None:
                self.error("no type given", loc, whole_desc)
                return init, T.ERROR
            return self.init_list(init, t, ctx), t
        init = self.check_expr(init, ctx)
        if t is None:
            it = init.type
            if it.kind == "list":
                self.error("no type given", loc, whole_desc)
                return init, T.ERROR
            if it.kind == "vector" and it.unspecified:
                # `local a = vector();` behaves like a vector of any (values.md §5.3)
                t = T.VectorType(T.ANY)
                return N.Coerce(init.loc, init, type=t), t
            return init, it
        if t.is_arith() and init.type.is_arith():
            if init.type.kind != t.kind:
                if init.type.kind == "double" and t.kind != "double":
                    self.warn("dangerous assignment of double to integral", loc, whole_desc)
                elif init.type.kind == "int" and t.kind == "count":
                    self.warn("dangerous assignment of integer to count", loc, whole_desc)
                return N.Coerce(init.loc, init, type=t), t
            return init, t
        return self.coerce(init, t, ctx, "type clash in assignment", whole_desc), t

    def init_list_type(self, init: N.InitList) -> Optional[T.Type]:
        """The type Bro's init_type() gives an untyped `{ ... }`: a table
        when the elements are `[index] = value`, a set of plain elements;
        taken from the first element (init-bare's `const RPC_status = {...}`)."""
        if not init.items:
            return None
        first = init.items[0]
        if isinstance(first, N.Assign) and isinstance(first.target, N.ListExpr):
            if not all(isinstance(i, N.Assign) and isinstance(i.target, N.ListExpr) for i in init.items):
                return None
            idx = [i.type for i in first.target.items]
            if any(x is None or x.kind in ("error", "list") for x in idx) or first.value.type is None:
                return None
            return T.TableType(idx, first.value.type)
        if any(isinstance(i, N.Assign) for i in init.items) or self.is_record_ctor(first):
            return None
        idx = first.items if isinstance(first, N.ListExpr) else [first]
        types = [i.type for i in idx]
        if any(x is None or x.kind in ("error", "list") for x in types):
            return None
        return T.TableType(types, None)

    def init_list(self, init: N.InitList, t: T.Type, ctx: Ctx):
        """`{ ... }` for a table, set, vector or record."""
        if t.kind == "table":
            items = []
            for it in init.items:
                if t.is_set:
                    idx = it.items if isinstance(it, N.ListExpr) and not self.is_record_ctor(it) else [it]
                    items.append((self.check_index(idx, t, ctx, it), None))
                else:
                    if not (isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr)):
                        self.error("table constructor element must be an assignment", it.loc, expr_text(it))
                        continue
                    idx = self.check_index(it.target.items, t, ctx, it)
                    v = it.value
                    if t.yield_ is not None and not T.same_type(v.type, t.yield_):
                        if v.type.is_arith() and t.yield_.is_arith():
                            v = N.Coerce(v.loc, v, type=t.yield_)
                        else:
                            v = self.coerce(v, t.yield_, ctx, "type clash in table assignment", it)
                    items.append((idx, v))
            init.table_items = items
            init.type = t
            return init
        if t.kind == "vector":
            init.items = [self.coerce(i, t.yield_, ctx) for i in init.items]
            init.type = t
            return init
        if t.kind == "record":
            lst = N.ListExpr(init.loc, init.items)
            lst = self.x_ListExpr(lst, ctx)
            return self.coerce(lst, t, ctx)
        self.error("not a table, set, vector or record", init.loc, expr_text(init))
        return init

    # ------------------------------------------------------------ statements
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

    def implicit_event(self, name: str, args, ctx):
        """An event raised before any declaration or handler: Bro registers the
        handler by name and checks no argument types (EventExpr)."""
        from .runtime.values import FuncVal
        args = [self.check_expr(a, ctx) for a in args]
        ft = T.FuncType("event", [T.Param(f"a{i}", a.type) for i, a in enumerate(args)], None)
        gid = GlobalID(name, "func", ft)
        gid.value = FuncVal(name, ft)
        gid.implicit = True
        gid.script = self.interp.current_script
        self.globals[name] = gid
        return gid, args

    def s_EventStmt(self, s, ctx):
        b = self.lookup(s.name, ctx, s.loc)
        if b is None:
            s.gid, s.args = self.implicit_event(s.name, s.args, ctx)
            return s
        if isinstance(b, LocalVar):
            raise BroSyntaxError(f'local identifier "{s.name}" cannot be used to reference an event, at or near "{s.name}"', s.loc)
        ft = b.type
        if ft is None or ft.kind != "func" or ft.flavor != "event":
            self.error("not an event", s.loc, s.name)
            s.args = [self.check_expr(a, ctx) for a in s.args]
            return s
        call = N.Call(s.loc, N.Name(s.loc, s.name), s.args)
        s.args = self.check_args(s.args, ft, ctx, call, event=True)
        s.gid = b
        return s

    def s_IfStmt(self, s, ctx):
        s.cond = self.check_expr(s.cond, ctx)
        if s.cond.type.kind not in ("bool", "error"):
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

    def case_text(self, c) -> str:
        from .render import expr_text as et
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
        if isinstance(e, N.Unary) and e.op in ("-", "+"):
            return self.is_constant(e.operand)
        if isinstance(e, N.Name) and isinstance(e.binding, GlobalID):
            return e.binding.kind in ("const", "enum")
        return False

    def s_ForStmt(self, s, ctx):
        s.expr = self.check_expr(s.expr, ctx)
        t = s.expr.type
        if t.kind == "table":
            types = t.indices or []
            if len(types) != len(s.vars):
                self.error("wrong index size", s.loc)
                types = [T.ERROR] * len(s.vars)
        elif t.kind == "vector":
            if len(s.vars) != 1:
                self.error("iterating over a vector requires only a single index type", s.loc)
            types = [T.INT]
        elif t.kind == "string":
            types = [T.STRING]
        else:
            if t.kind != "error":
                self.error("target to iterate over must be a table, set, vector, or string", s.loc, expr_text(s.expr))
            types = [T.ERROR] * len(s.vars)
        vars_ = []
        for name, vt in zip(s.vars, types):
            v = ctx.scope.get(name) if ctx.scope else None
            if v is None:
                if self.lookup_global(name, ctx.module) is not None:
                    self.error("global used in for loop", s.loc, name)
                v = self.add_local(ctx, name, vt, s.loc)
            elif not (T.same_type(v.type, vt) or (t.kind == "vector" and v.type.is_integral())):
                self.error("type clash in iteration", s.loc, name)
            vars_.append(v)
        s.slots = vars_
        ctx.loops += 1
        s.body = self.check_stmt(s.body, ctx)
        ctx.loops -= 1
        return s

    def add_local(self, ctx, name, t, loc):
        if ctx.scope is None:
            ctx.scope = self.interp.top_scope
        return ctx.scope.add(name, t)

    def s_WhileStmt(self, s, ctx):
        s.cond = self.check_expr(s.cond, ctx)
        if s.cond.type.kind != "bool":
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
            if sc.flavor == "hook":
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
            s.expr = self.assign_coerce(s.expr, sc.ret, ctx, s.expr) if sc.ret.kind != "any" \
                else self.coerce(s.expr, sc.ret, ctx)
        elif sc.ret is not None and sc.flavor == "function":
            self.error("return statement needs expression", s.loc)
        return s

    def s_AddStmt(self, s, ctx):
        e = s.expr
        if not isinstance(e, N.Index):
            self.error("illegal add statement", s.loc, expr_text(e))
            return s
        e.obj = self.check_expr(e.obj, ctx)
        t = e.obj.type
        if t.kind != "table" or not t.is_set:
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
            if e.type.kind != "error":
                f = e.obj.type.field(e.field)
                if not f.attrs.has("&optional"):
                    self.error("illegal delete statement", s.loc, "delete " + expr_text(e))
            return s
        if isinstance(e, N.Index):
            e.obj = self.check_expr(e.obj, ctx)
            t = e.obj.type
            if t.kind != "table":
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
        if s.init_op in ("+=", "-="):
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
        s.attrs_checked = self.attrs(s.attrs, ctx.module, t)
        if init is None and t.kind in ("record", "table", "vector") and ctx.scope is not self.interp.top_scope:
            ctx.scope.aggregate_inits.append((var, s.attrs_checked))
        return s

    def s_WhenStmt(self, s, ctx):
        c = s.cond
        if isinstance(c, N.Assign) and hasattr(c, "when_local"):
            # `when ( local x = e )` declares x for the condition and body
            rhs = self.check_expr(c.value, ctx)
            c.value = rhs
            t = self.resolve_type(c.when_local, ctx.module) if c.when_local is not None else rhs.type
            if ctx.scope is None:
                ctx.scope = self.interp.top_scope
            if ctx.scope.get(c.target.name) is None:
                ctx.scope.add(c.target.name, t, "local")
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
                and not (isinstance(x, N.Unary) and x.op in ("++", "--"))
                or isinstance(x, N.Call) and x.type is T.ERROR)
        if pure:
            self.warn("expression value ignored", s.loc, expr_text(x))
        return s

    def s_NullStmt(self, s, ctx):
        return s
