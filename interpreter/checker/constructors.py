"""Constructors: `[$a=1]`, `record(...)`, `table(...)`, `set(...)`,
`vector(...)` and the named forms `MyTable(...)`, with Bro's own checks
and words (Expr.cc RecordConstructorExpr, TableConstructorExpr,
SetConstructorExpr, VectorConstructorExpr; Type.cc init_type,
merge_types, merge_type_list; language.md §1.8, §6.2).

Without a named type the element types are merged (numbers to the larger
type); two that do not merge are `incompatible types`, placed at both
types.  With one, each element is promoted to it as an argument is
(check_and_promote_expr), and the constructor says what failed.
"""
from __future__ import annotations

from .. import nodes as N
from .. import types as T
from ..errors import BroSyntaxError, Loc
from ..render import expr_text
from ..types import Kind as K
from .names import type_desc, type_loc


class Constructors:
    def named_ctor(self, e, t: T.Type, ctx):
        """`MyRec($a=1)`, `MyTable([1]="x")`, `MySet(1, 2)`, `MyVec(1, 2)`."""
        kind = {"record": "record", "table": "set" if t.kind == K.TABLE and t.is_set else "table",
                "vector": "vector"}.get(t.kind)
        if kind is None:
            # parse.y: an error, then YYERROR ends the parse
            raise BroSyntaxError(f"constructor type not implemented ({expr_text(e.func)})", e.loc)
        c = N.Ctor(e.loc, kind, e.args, [])
        if kind == "record":
            # a record constructor coerced to the type (RecordCoerceExpr)
            c = self.x_Ctor(c, ctx)
            return self.coerce(c, t, ctx, "type clash")
        # the constructor has the named type itself (no coercion to show)
        return self.x_Ctor(c, ctx, t)

    def x_Ctor(self, e, ctx, named=None):
        e.items = [self.check_expr(i, ctx) for i in e.items]
        if any(i.type.kind == K.ERROR for i in e.items):
            e.type = T.ERROR
            return e
        if e.kind == K.RECORD:
            return self.record_ctor(e)
        if e.kind == K.VECTOR:
            return self.vector_ctor(e, ctx, named)
        if e.kind == "set":
            e = self.set_ctor(e, ctx, named)
        else:
            e = self.table_ctor(e, ctx, named)
        if e.type.kind != K.ERROR:
            e.checked_attrs = self.attrs(e.attrs, ctx.module, e.type)
        return e

    def record_ctor(self, e):
        for i in e.items:
            if not isinstance(i, N.FieldAssign):
                self.obj_error("bad type in record constructor", e.loc, expr_text(e),
                               i.loc, expr_text(i))
        e.type = T.RecordType([T.Field(i.field, i.type) for i in e.items if isinstance(i, N.FieldAssign)])
        return e

    def vector_ctor(self, e, ctx, named):
        if named is not None:
            yt = named.yield_
        elif not e.items:
            e.type = T.VectorType(None)
            return e
        else:
            yt = e.items[0].type
            for i in e.items[1:]:
                yt = yt if T.same_type(yt, i.type) and not (yt.is_arith() and i.type.is_arith()) \
                    else self.merge_type(yt, i.type, e.loc)
                if yt is None:
                    # merge_type_list: reporter->Error, at the scanner's
                    # line (where the constructor ends), no object
                    end = e.loc.end_line or e.loc.line
                    self.error("inconsistent types in list", Loc(e.loc.file, end))
                    e.type = T.ERROR
                    return e
        e.type = named if named is not None else T.VectorType(yt)
        if yt is None or yt.kind == K.ANY:
            return e
        items = []
        for i in e.items:
            i2, ok = self.promote(i, yt, ctx)
            if not ok:
                # check_and_promote_exprs_to_type stops at the first
                self.expr_type_error("type mismatch", i, yt)
                self.error("inconsistent types in vector constructor", e.loc, expr_text(e))
                return e
            items.append(i2)
        e.items = items
        return e

    @staticmethod
    def element_types(it):
        """An element's InitType: a `[a, b]` index lists its columns."""
        if isinstance(it, N.ListExpr) and it.type.kind == K.LIST:
            return list(it.type.types)
        return [it.type]

    def set_ctor(self, e, ctx, named):
        if named is not None:
            t = named
        elif not e.items:
            e.type = T.TableType(None, None)
            return e
        else:
            idx = None
            for it in e.items:
                if isinstance(it, N.Assign):
                    self.error("values in set(...) constructor do not specify a set", e.loc, expr_text(e))
                    e.type = T.ERROR
                    return e
                cols = self.element_types(it)
                idx = cols if idx is None else self.merge_columns(idx, cols, e.loc)
                if idx is None:
                    self.init_type_error(e)
                    return e
            t = T.TableType(idx, None)
        e.type = t
        if t.indices is None:
            return e
        items = []
        if len(t.indices) == 1:
            for it in e.items:
                i2, ok = self.promote(it, t.indices[0], ctx)
                if not ok:
                    self.expr_type_error("type mismatch", it, t.indices[0])
                    # (sic) "type", one index
                    self.error("inconsistent type in set constructor", e.loc, expr_text(e))
                    return e
                items.append(i2)
            e.items = items
            return e
        for it in e.items:
            if isinstance(it, N.ListExpr) and it.type.kind == K.LIST:
                new, ok = self.promote_list(it.items, t.indices, it, e.loc)
                if ok:
                    it.items = new
                    continue
            self.error("inconsistent types in set constructor", e.loc, expr_text(e))
        return e

    def table_ctor(self, e, ctx, named):
        if named is not None:
            t = named
        elif not e.items:
            e.type = T.TableType(None, T.ANY)
            return e
        else:
            # init_type: each element's InitType (`[k] = v` is a table of
            # one element) merged in turn
            t = None
            for it in e.items:
                if isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr):
                    ti = T.TableType([i.type for i in it.target.items], it.value.type)
                else:
                    ti = it.type
                t = ti if t is None else self.merge_type(t, ti, e.loc)
                if t is None:
                    self.init_type_error(e)
                    return e
            if t.kind != K.TABLE or t.is_set:
                self.error("values in table(...) constructor do not specify a table",
                           e.loc, expr_text(e))
                e.type = T.ERROR
                return e
        e.type = t
        if t.indices is None:
            return e
        for it in e.items:
            if not (isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr)):
                continue
            if len(it.target.items) != len(t.indices):
                continue
            for j, (i, ti) in enumerate(zip(it.target.items, t.indices)):
                i2, ok = self.promote(i, ti, ctx)
                if ok:
                    it.target.items[j] = i2
                else:
                    self.error("inconsistent types in table constructor", e.loc, expr_text(e))
            if t.yield_ is not None and not T.same_type(it.value.type, t.yield_):
                # Bro checks a value only as it goes in (EvalIntoAggregate)
                it.value = self.coerce(it.value, t.yield_, ctx, "type clash in table assignment", it)
        return e

    def init_type_error(self, e):
        """init_type gave up: merge_types said why; then the list itself."""
        lst = N.ListExpr(e.loc, e.items)
        self.error("type error in initialization", e.loc, expr_text(lst))
        e.type = T.ERROR

    def promote_list(self, items, types, lst, at, ctx=None):
        """check_and_promote_exprs: the same number, each promoted; a wrong
        number is `indexing mismatch`, placed at `at` and the list `lst`."""
        if len(items) != len(types):
            self.obj_error("indexing mismatch", at, "list of " + ",".join(type_desc(t) for t in types),
                           lst.loc, expr_text(lst))
            return items, False
        out = []
        for i, t in zip(items, types):
            i2, ok = self.promote(i, t, ctx)
            if not ok:
                self.expr_type_error("type mismatch", i, t)
                return items, False
            out.append(i2)
        return out, True

    def merge_columns(self, a, b, at=None):
        """merge_types of two index lists, column by column."""
        if len(a) != len(b):
            self.obj_error("different number of indices", at, ",".join(type_desc(t) for t in a),
                           None, ",".join(type_desc(t) for t in b))
            return None
        out = []
        for x, y in zip(a, b):
            m = x if T.same_type(x, y) and not x.is_arith() else self.merge_type(x, y, at)
            if m is None:
                return None
            out.append(m)
        return out

    def merge_type(self, a, b, at=None):
        """Bro's merge_types: numbers to the larger type; else the same
        type, or `incompatible types` at both (a type made for the
        constructor sits at `at`)."""
        if a.kind == K.ERROR:
            return b
        if b.kind == K.ERROR:
            return a
        if a.is_arith() and b.is_arith():
            return T.max_arith(a, b)
        if a.kind == b.kind and a.kind == K.TABLE and a.indices is not None and b.indices is not None:
            if len(a.indices) != len(b.indices) or a.is_set != b.is_set:
                return self.incompatible(a, b, at)
            idx = self.merge_columns(a.indices, b.indices, at)
            if idx is None:
                return None
            if a.is_set:
                return T.TableType(idx, None)
            yt = self.merge_type(a.yield_, b.yield_, at)
            return T.TableType(idx, yt) if yt is not None else None
        if a.kind != b.kind or not T.same_type(a, b):
            return self.incompatible(a, b, at)
        return a

    def incompatible(self, a, b, at=None):
        self.obj_error("incompatible types", type_loc(a) or at, type_desc(a),
                       type_loc(b) or at, type_desc(b))
        return None
