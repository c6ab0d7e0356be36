"""Types and declarations: type expressions resolved, record fields,
attributes, function types, enum items, and declaration initialisers
(language.md §2)."""
from __future__ import annotations

from typing import Optional

from .. import nodes as N
from .. import types as T
from ..errors import Loc
from ..render import expr_text
from ..runtime.values import EnumVal
from ..scope import GlobalID, IdKind
from ..types import Flavor
from ..types import Kind as K
from .context import Ctx
from .expire_attrs import EXPIRE_ATTRS

# How a `{ ... }` element's index is expanded (InitList.table_items, read
# by compiler/expressions.py init_list_fn): a whole set's members, or per
# position the members of a list
ALL, LIST = "all", "list"


def loggable(t) -> bool:
    """threading::Value::IsCompatibleType: what &log accepts."""
    return _loggable(t, False)


def _loggable(t, atomic_only: bool) -> bool:
    k = t.kind
    if k in (K.BOOL, K.INT, K.COUNT, K.PORT, K.SUBNET, K.ADDR, K.DOUBLE, K.TIME,
             K.INTERVAL, K.ENUM, K.STRING, K.FILE, K.FUNC, K.ERROR):
        return True
    if k == K.RECORD:
        return not atomic_only
    if k == K.TABLE:
        if atomic_only or not t.is_set or not t.indices:
            return t.indices is None and not atomic_only and t.is_set
        return len(t.indices) == 1 and _loggable(t.indices[0], True)
    if k == K.VECTOR:
        return not atomic_only and (t.yield_ is None or _loggable(t.yield_, True))
    return False


def attr_text(a) -> str:
    """Attr::Describe: the tag, `=` and the expression."""
    from ..render import expr_text
    return a.name + (f"={expr_text(a.expr)}" if a.expr is not None else "")


class Declarations:
    def resolve_type(self, te: N.TypeExpr, module: str) -> T.Type:
        k = te.kind
        if k in T.BASE_TYPES:
            return T.BASE_TYPES[k]
        if k == "named":
            gid = self.lookup_global(te.name, module, te.loc)
            if gid is None:
                self.error(f"identifier not defined: {te.name}", te.loc)
                return T.ERROR
            if gid.kind != IdKind.TYPE:
                self.error("not a Bro type", te.loc, te.name)
                return T.ERROR
            self.deprecated_use(gid, te.loc)
            return gid.type
        if k == K.TABLE:
            return T.TableType([self.resolve_type(a, module) for a in te.args],
                               self.resolve_type(te.yield_, module))
        if k == "set":
            return T.TableType([self.resolve_type(a, module) for a in te.args], None)
        if k == K.VECTOR:
            return T.VectorType(self.resolve_type(te.yield_, module))
        if k == K.RECORD:
            return T.RecordType([self.field_decl(f, module) for f in te.fields])
        if k == K.ENUM:
            et = T.EnumType()
            self.add_enum_items(et, te.args, module, te.loc)
            return et
        if k in ("function", "event", "hook"):
            return self.func_type(k, te.params, module)
        if k == K.FILE:
            return T.FileType(self.resolve_type(te.yield_, module) if te.yield_ else T.STRING)
        if k == K.OPAQUE:
            return T.OpaqueType(te.name)
        self.error(f"{k} type not implemented", te.loc)
        return T.ERROR

    def field_decl(self, f: N.FieldDecl, module: str) -> T.Field:
        ft = self.resolve_type(f.type, module)
        attrs = self.attrs(f.attrs, module, ft, is_field=True)
        return T.Field(f.name, ft, attrs, f.docs, f.loc)

    def deprecated_use(self, gid, loc):
        """Bro warns at each use of a name declared &deprecated: a value, a
        type, an event raised or scheduled, a handler given a body
        (language.md §6.2)."""
        if gid.deprecated or (gid.kind == IdKind.TYPE and gid.attrs.has("&deprecated")):
            self.warn("deprecated", Loc(loc.file, loc.line), gid.name)

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
            if a.name == "&log" and target is not None and not loggable(target):
                # Attributes::CheckAttr, the list as far as it has got
                self.error("&log applied to a type that cannot be logged", a.loc,
                           ", ".join(attr_text(x) for x in out.items + [attr]))
            if expr is not None and (self.interp.reporter.errors > errors or self.poisoned > poisoned):
                # the compiler trusts the checker: compiler/records.py
                # never compiles an expression in error
                attr.in_error = True
            out.add(attr)
            if target is not None and a.name in EXPIRE_ATTRS:
                self.check_expire_attr(attr, out, target)
        return out

    def default_attr(self, expr, target: T.Type, ctx: Ctx, is_field: bool = False):
        """&default must have the field/yield type (or be a function of the index)."""
        if is_field or target.kind != K.TABLE:
            # CheckAttr: the same type, a promotable record, an unspecified
            # table, or what check_and_promote_expr makes of it (whose own
            # complaint comes first); else the value and the type
            if T.same_type(expr.type, target) or (target.kind == K.RECORD and expr.type.kind == K.RECORD) \
                    or (expr.type.kind == K.TABLE and expr.type.unspecified):
                return self.coerce(expr, target, ctx, "&default value has inconsistent type")
            promoted, ok = self.promote(expr, target, ctx)
            if not ok:
                self.expr_type_error("&default value has inconsistent type", expr, target)
            return promoted
        yt = target.yield_ if target.kind == K.TABLE and not target.is_set else target
        if expr.type.kind == K.FUNC and (yt is None or yt.kind != K.FUNC):
            ft = expr.type
            if target.kind == K.TABLE and target.indices is not None and yt is not None and not (
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
            if flavor == Flavor.EVENT:
                self.error("event cannot yield a value", pl.loc)
        if flavor == Flavor.HOOK:
            ret = T.BOOL
        ft = T.FuncType(flavor, params, ret)
        ft.varargs = pl.varargs
        # where "parameter mismatch" places the parameters (Bro's args record)
        ft.params_loc = pl.loc
        return ft

    def add_enum_items(self, et: T.EnumType, items, module: str, loc: Loc, exported=False):
        for it in items:
            full = self.full_name(it.name, module)
            if full in et.values or (full in self.globals and self.globals[full].kind != IdKind.ENUM):
                self.error("identifier or enumerator value in enumerated type definition already exists", it.loc, full)
                continue
            explicit = it.value is not None
            if et.explicit is None:
                et.explicit = explicit
            elif et.explicit != explicit:
                self.error("cannot mix explicit enumerator assignment and implicit auto-increment", it.loc, full)
            num = it.value if explicit else et.next_num
            val = et.add(EnumVal(et, full, num))
            if full in self.globals:
                # Bro's EnumType::CheckAndAddName: a name already made an
                # enum constant of another type joins this type too, but the
                # identifier keeps its first type and value (NetControl::DROP
                # is a RuleType, then a CatchReleaseActions and a Log::ID)
                continue
            gid = GlobalID(full, "enum", et, it.loc)
            gid.value = val
            gid.exported = exported
            gid.docs = it.docs
            gid.script = self.interp.current_script
            gid.deprecated = it.deprecated
            self.globals[full] = gid

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
            if it.kind == K.LIST:
                self.error("no type given", loc, whole_desc)
                return init, T.ERROR
            if it.kind == K.VECTOR and it.unspecified:
                # `local a = vector();` behaves like a vector of any (values.md §5.3)
                t = T.VectorType(T.ANY)
                return N.Coerce(init.loc, init, type=t), t
            return init, it
        if t.is_arith() and init.type.is_arith():
            if init.type.kind != t.kind:
                if init.type.kind == K.DOUBLE and t.kind != K.DOUBLE:
                    self.warn("dangerous assignment of double to integral", loc, whole_desc)
                elif init.type.kind == K.INT and t.kind == K.COUNT:
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
            if any(x is None or x.kind in (K.ERROR, K.LIST) for x in idx) or first.value.type is None:
                return None
            return T.TableType(idx, first.value.type)
        if any(isinstance(i, N.Assign) for i in init.items) or (isinstance(first, N.ListExpr) and self.is_record_ctor(first)):
            return None
        idx = first.items if isinstance(first, N.ListExpr) else [first]
        types = [i.type for i in idx]
        if any(x is None or x.kind in (K.ERROR, K.LIST) for x in types):
            return None
        return T.TableType(types, None)

    def init_index(self, idx, t: T.TableType, ctx: Ctx, whole):
        """The index of one `{ ... }` element, and which of its positions
        Bro's TableVal::ExpandAndInit expands: a list `[a, b]` of the
        position's type stands for each of its members (`[[21/tcp, 22/tcp]]
        = 1 hrs`, `["USER", [230, 331]]`), the positions multiplied out.
        None when nothing is expanded.  (A set there is refused: Bro's
        ListExpr::InitVal promotes each position to its index type first.)"""
        idx = [i if i.type is not None else self.check_expr(i, ctx) for i in idx]
        if t.indices is None or len(idx) != len(t.indices):
            return self.check_index(idx, t, ctx, whole), None
        expand = []
        for i, it in zip(idx, t.indices):
            if isinstance(i, N.ListExpr) and i.items and not self.is_record_ctor(i) and all(
                    T.same_type(x.type, it) or (x.type.is_arith() and it.is_arith()) for x in i.items):
                expand.append(LIST)
            else:
                expand.append(None)
        if not any(expand):
            return self.check_index(idx, t, ctx, whole), None
        out = []
        for i, it, how in zip(idx, t.indices, expand):
            if how == LIST:
                i.items = self.check_index(i.items, T.TableType([it] * len(i.items), None), ctx, whole)
            elif how is None:
                i = self.check_index([i], T.TableType([it], None), ctx, whole)[0]
            out.append(i)
        return out, tuple(expand)

    def init_list(self, init: N.InitList, t: T.Type, ctx: Ctx):
        """`{ ... }` for a table, set, vector or record."""
        if t.kind == K.TABLE:
            items = []
            for it in init.items:
                if t.is_set:
                    if it.type is None:
                        it = self.check_expr(it, ctx)
                    if it.type.kind == K.TABLE and it.type.is_set and it.type.indices is not None \
                            and T.same_type(it.type, t):
                        # Bro's ListExpr::AddSetInit: a set among a set's
                        # elements adds its members (`{ ayiya_ports, ... }`)
                        items.append(([it], None, ALL))
                        continue
                    idx = it.items if isinstance(it, N.ListExpr) and not self.is_record_ctor(it) else [it]
                    idx, expand = self.init_index(idx, t, ctx, it)
                    items.append((idx, None, expand))
                else:
                    if not (isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr)):
                        self.error("table constructor element must be an assignment", it.loc, expr_text(it))
                        continue
                    idx, expand = self.init_index(it.target.items, t, ctx, it)
                    v = it.value
                    if t.yield_ is not None and not T.same_type(v.type, t.yield_):
                        if v.type.is_arith() and t.yield_.is_arith():
                            v = N.Coerce(v.loc, v, type=t.yield_)
                        else:
                            v = self.coerce(v, t.yield_, ctx, "type clash in table assignment", it)
                    items.append((idx, v, expand))
            init.table_items = items
            init.type = t
            return init
        if t.kind == K.VECTOR:
            init.items = [self.coerce(i, t.yield_, ctx) for i in init.items]
            init.type = t
            return init
        if t.kind == K.RECORD:
            lst = N.ListExpr(init.loc, init.items)
            lst = self.x_ListExpr(lst, ctx)
            return self.coerce(lst, t, ctx)
        self.error("not a table, set, vector or record", init.loc, expr_text(init))
        return init
