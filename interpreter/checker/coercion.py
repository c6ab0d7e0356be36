"""Coercion: where a value of one type is used as another, the checker
makes the conversion explicit as a `Coerce` node or reports the clash
(values.md §4.1, §5.5)."""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..render import expr_text
from ..types import Kind as K
from .context import Ctx
from .names import type_desc, type_loc


class Coercion:
    def promote(self, e, t: T.Type, ctx: Ctx):
        """Bro's check_and_promote_expr (Expr.cc): `e` converted to `t`, or
        the type's own complaint about it, placed at both (`error in string
        and ./x.bro, line 5: arithmetic mixed with non-arithmetic (string
        and a)`).  Returns (expression, ok)."""
        et = e.type
        if et is None or t is None or et.kind == K.ERROR or t.kind == K.ERROR:
            return e, True
        if t.kind == K.ANY:
            return (e if et.kind == K.ANY else N.Coerce(e.loc, e, type=t)), True
        if et.kind == K.ANY and not t.is_arith():
            # Bro's same_type accepts `any` on either side: an any goes into
            # a typed parameter unchecked, the Coerce takes out what it holds
            # (an arithmetic parameter still says "arithmetic mixed ...")
            return N.Coerce(e.loc, e, type=t), True
        if et.is_arith() or t.is_arith():
            if et.kind == t.kind:
                return e, True
            if not (et.is_arith() and t.is_arith()):
                self.type_error("arithmetic mixed with non-arithmetic", t, e)
                return e, False
            if T.max_arith(et, t) is not t:
                self.type_error("over-promotion of arithmetic value", t, e)
                return e, False
            return N.Coerce(e.loc, e, type=t), True
        if t.kind == K.RECORD and et.kind == K.RECORD:
            if et is t or (T.same_type(et, t) and not isinstance(e, (N.ListExpr, N.Ctor))):
                return e, True
            if all(t.field(f.name) is not None and self.field_fits(f.type, t.field(f.name).type)
                   for f in et.fields):
                errors = self.interp.reporter.errors
                e = self.record_coerce(e, t, ctx)
                return e, self.interp.reporter.errors == errors
            self.type_error("incompatible record types", t, e)
            return e, False
        if T.same_type(et, t) and not (t.kind == K.TABLE and isinstance(e, N.Ctor)):
            if t.kind == K.VECTOR and et.unspecified:
                return N.Coerce(e.loc, e, type=t), True
            return e, True
        if t.kind == K.TABLE and et.kind == K.TABLE and (et.unspecified or isinstance(e, N.Ctor)):
            return self.retype_ctor(e, t, ctx), True
        if t.kind == K.VECTOR and et.kind == K.VECTOR and et.unspecified:
            return N.Coerce(e.loc, e, type=t), True
        if t.kind == K.VECTOR and et.kind == K.VECTOR and et.yield_ is not None \
                and et.yield_.kind == K.ANY and t.yield_ is not None and t.yield_.kind != K.ANY:
            return N.Coerce(e.loc, e, type=t), True     # as coerce(): same_type matches any
        if t.kind == K.VECTOR and et.kind == K.VECTOR and t.yield_ is not None and t.yield_.kind == K.ANY:
            return e, True      # as coerce(): the very same vector (values.md §5.3)
        self.type_error("type clash", t, e)
        return e, False

    def coerce(self, e, t: T.Type, ctx: Ctx, msg: str = "type clash", lhs=None):
        """Return `e` converted to `t` (a Coerce node), or report `msg`."""
        et = e.type
        if et is None or t is None or et.kind == K.ERROR or t.kind == K.ERROR:
            return e
        if t.kind == K.ANY:
            if et.kind == K.ANY:
                return e
            return N.Coerce(e.loc, e, type=t)
        if et is t:
            return e
        if et.kind == K.ANY:
            # Bro's same_type accepts `any` on either side, so a value of
            # type any goes into any typed slot unchecked (Bro's own
            # config/main.bro assigns one to a `set[bool]` local); the
            # Coerce takes the value out of its AnyVal
            return N.Coerce(e.loc, e, type=t)
        if et.is_arith() and t.is_arith():
            if et.kind == t.kind:
                return e
            return N.Coerce(e.loc, e, type=t)
        if t.kind == K.RECORD and et.kind == K.RECORD:
            if et is t:
                return e
            if isinstance(e, (N.ListExpr, N.Ctor)) or et.name is None:
                return self.record_coerce(e, t, ctx)
            if T.same_type(et, t):
                return e
        if t.kind == K.TABLE and et.kind == K.TABLE:
            # a named constructor (`MyTable(...)`) has its type already
            if et.unspecified or (isinstance(e, N.Ctor) and et.name is None):
                return self.retype_ctor(e, t, ctx)
            if T.same_type(et, t):
                return e
        if t.kind == K.VECTOR and et.kind == K.VECTOR:
            if et.unspecified:
                return N.Coerce(e.loc, e, type=t)
            if t.yield_ is not None and t.yield_.kind == K.ANY:
                # a `vector of any` takes any vector as it is: the very same
                # object, so changes through it reach the caller (values.md §5.3)
                return e
            if et.yield_ is not None and et.yield_.kind == K.ANY and t.yield_ is not None:
                # Bro's same_type() lets `any` match every type: a vector of
                # any (topk_get_top's) goes into a typed vector, its elements
                # as what they hold (sumstats' topk)
                return N.Coerce(e.loc, e, type=t)
            if isinstance(e, N.Ctor) and t.yield_ is not None and et.yield_ is not None \
                    and et.yield_.is_arith() and t.yield_.is_arith():
                return N.Coerce(e.loc, e, type=t)
            if T.same_type(et, t):
                return e
        if t.kind == K.TIME and isinstance(e, N.Const) and et.is_arith() and e.value == 0:
            return N.Coerce(e.loc, e, type=t)
        if T.same_type(et, t):
            return e
        if lhs is None:
            lhs = e
        self.error(msg, e.loc, lhs if isinstance(lhs, str) else expr_text(lhs))
        return e

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
            elif isinstance(it, N.ListExpr) and it.type.kind == K.LIST:
                it.items = self.check_index(it.items, t, ctx, it)
            elif t.is_set:
                it = self.check_index([it], t, ctx, it)[0]
            items.append(it)
        e.items = items

    def record_coerce(self, e, t: T.RecordType, ctx: Ctx, nested: bool = False):
        et = e.type
        tn = t.name or T.type_name(t)
        # RecordCoerceExpr: the first orphaned or clashing field ends the
        # check; else the first missing non-optional field is reported
        failed = False
        for f in et.fields:
            tf = t.field(f.name)
            if tf is None:
                self.error(f'orphaned field "{f.name}" in record coercion', e.loc,
                           f"(coerce {expr_text(e)} to {tn})")
                failed = True
                break
            if not self.field_fits(f.type, tf.type):
                # Error(buf, sub_t_i): placed at the value's field type too
                self.obj_error(f'type clash for field "{f.name}"', e.loc,
                               f"(coerce {expr_text(e)} to {tn})", type_loc(f.type), type_desc(f.type))
                self.error("bad record initializer", e.loc, f"(coerce {expr_text(e)} to {tn})")
                failed = True
                break
            if tf.attrs.has("&deprecated"):
                # a deprecated field given a value (language.md §2.4.2)
                self.warn("deprecated", e.loc, f"{t.name or ''}${f.name}")
        for tf in t.fields if not failed else ():
            # a nested record is converted as it stands (Bro's CoerceTo):
            # only the outermost record must have its non-optional fields
            if et.field(tf.name) is None and not tf.attrs.has("&optional") and not nested:
                self.error(f'non-optional field "{tf.name}" missing', e.loc,
                           f"(coerce {expr_text(e)} to {tn})")
                break
        if isinstance(e, (N.ListExpr, N.Ctor)):
            # a nested record ctor becomes a record of the field's type, with
            # its defaults and promotions (values.md §5.5)
            for i in e.items:
                tf = t.field(i.field) if isinstance(i, N.FieldAssign) else None
                if tf is not None and tf.type.kind == K.RECORD and i.value.type.kind == K.RECORD \
                        and i.value.type is not tf.type and isinstance(i.value, (N.ListExpr, N.Ctor)) \
                        and self.field_fits(i.value.type, tf.type):
                    i.value = self.record_coerce(i.value, tf.type, ctx, nested=True)
        return N.Coerce(e.loc, e, type=t)

    def field_fits(self, st: T.Type, tt: T.Type) -> bool:
        """Can a record field of type `st` be coerced into one of type `tt`?
        Bro's record_promotion_compatible: a nested record fits when each of
        its fields does, recursively (plus our arithmetic promotion)."""
        if T.same_type(st, tt) or (st.is_arith() and tt.is_arith()) or tt.kind == K.ANY:
            return True
        if st.kind == K.RECORD and tt.kind == K.RECORD:
            return all(tt.field(f.name) is not None and self.field_fits(f.type, tt.field(f.name).type)
                       for f in st.fields)
        if st.kind != tt.kind:
            return False
        # containers fit when what they hold does: an unspecified one
        # (`vector()`, `table()`) always, a vector of functions never
        # into a vector of counts (found by fuzzing)
        if st.kind == K.VECTOR:
            return st.yield_ is None or tt.yield_ is None or self.field_fits(st.yield_, tt.yield_)
        if st.kind == K.TABLE:
            if st.indices is None or tt.indices is None:
                return True
            if len(st.indices) != len(tt.indices) or st.is_set != tt.is_set:
                return False
            if not all(self.field_fits(a, b) for a, b in zip(st.indices, tt.indices)):
                return False
            return st.is_set or self.field_fits(st.yield_, tt.yield_)
        return False

    def assign_coerce(self, value, tt, ctx, whole):
        vt = value.type
        if tt.kind == K.ENUM and vt.kind != K.ENUM or vt.kind == K.ENUM and tt.kind != K.ENUM and tt.kind != K.ANY:
            self.error("can't convert to/from enumerated type", whole.loc, expr_text(whole))
            return value
        if tt.is_arith() and not vt.is_arith() and tt.kind != K.ANY:
            # TypeCheckArithmetics: the type names are part of the text,
            # then ExprError describes the assignment
            self.error(f"assignment of non-arithmetic value to arithmetic "
                       f"({T.type_name(tt)}/{T.type_name(vt)})", whole.loc, expr_text(whole))
            return value
        if tt.is_arith() and vt.is_arith():
            if vt.kind == K.DOUBLE and tt.kind != K.DOUBLE:
                self.warn("dangerous assignment of double to integral", whole.loc, expr_text(whole))
            elif vt.kind == K.INT and tt.kind == K.COUNT:
                self.warn("dangerous assignment of integer to count", whole.loc, expr_text(whole))
            return N.Coerce(value.loc, value, type=tt) if vt.kind != tt.kind else value
        return self.coerce(value, tt, ctx, "type clash in assignment", whole)
