"""Closures for operators, coercions, constructors, fields, indexing,
sizes and casts (values.md §4-§5): fn(frame) -> value.  Called by
compiler/core.py and compiler/codegen.py."""
from __future__ import annotations

import operator as _operator

from .. import nodes as N
from .. import types as T
from ..errors import ExprError, InternalError, NoValue
from ..render import expr_text
from ..runtime.ops import (M64, key_of, scalar_key, index_copy, deep_copy, truncate,
                           arith_conv, retype, retype_container, addr_in)
from ..runtime.patterns import match_anywhere, match_exact, pattern_and, pattern_or
from ..runtime.values import (UNSET, AnyVal, Interval, TableVal, VectorVal, addr_is_v4,
                              to_count, to_int, make_subnet)

ARITH_OPS = ("+", "-", "*", "/", "%", "&", "|", "^")


def _expr_error(msg, e):
    return ExprError(msg, e.loc, expr_text(e))


def coerce_fn(comp, e):
    x = comp.expr(e.operand)
    src, dst = e.operand.type, e.type
    sk, dk = src.kind, dst.kind
    if dk == "any":
        return lambda f: AnyVal(src, x(f))
    if dk == "int" and sk == "count":
        def count_to_int(f):
            v = x(f)
            return v if v <= 0x7FFFFFFFFFFFFFFF else v - 0x10000000000000000
        return count_to_int
    if dk == "count" and sk == "int":
        return lambda f: to_count(x(f))
    if dk == "double" and sk in ("count", "int"):
        return lambda f: float(x(f))
    if dk in ("count", "int") and sk == "double":
        conv = to_count if dk == "count" else to_int
        return lambda f: conv(truncate(x(f)))
    if dk == "time":
        return lambda f: float(x(f))
    if dk == "record":
        return record_coerce_fn(comp, e.operand, dst)
    if dk == "table":
        return table_coerce_fn(comp, e.operand, dst, x)
    if dk == "vector":
        if sk == "vector" and src.yield_ is not None and src.yield_.is_arith() and dst.yield_.is_arith() \
                and src.yield_.kind != dst.yield_.kind:
            conv = arith_conv(src.yield_.kind, dst.yield_.kind)
            return lambda f: VectorVal(dst, [conv(i) if i is not UNSET else UNSET for i in x(f).items])

        def vec(f):
            v = x(f)
            return VectorVal(dst, v.items) if isinstance(v, VectorVal) and not v.items else retype(v, dst)
        return vec
    return x


def record_coerce_fn(comp, src, rt):
    """Coerce a record ctor (or anonymous record) into record type rt (values.md §5.5)."""
    st = src.type
    if isinstance(src, (N.ListExpr, N.Ctor)):
        items = [(rt.index[i.field], comp.expr(i.value), i.value.type, rt.fields[rt.index[i.field]].type)
                 for i in src.items if isinstance(i, N.FieldAssign) and i.field in rt.index]
    else:
        x = comp.expr(src)
        mapping = [(rt.index[f.name], i) for i, f in enumerate(st.fields) if f.name in rt.index]

        def rec_from(f):
            r = x(f)
            out = comp.records.new_record(rt)
            for di, si in mapping:
                if r.vals[si] is not UNSET:
                    out.vals[di] = r.vals[si]
            return out
        return rec_from
    convs = []
    for idx, fn, vt, ft in items:
        convs.append((idx, _value_conv(fn, vt, ft, comp)))

    def rec(f):
        r = comp.records.new_record(rt)
        vals = r.vals
        for idx, fn in convs:
            vals[idx] = fn(f)
        return r
    return rec


def _value_conv(fn, vt, ft, comp):
    if ft.kind == "any" and vt.kind != "any":
        return lambda f: AnyVal(vt, fn(f))
    if vt.is_arith() and ft.is_arith() and vt.kind != ft.kind:
        conv = arith_conv(vt.kind, ft.kind)
        return lambda f: conv(fn(f))
    if ft.kind == "record" and vt.kind == "record" and vt is not ft and not T.same_type(vt, ft):
        return lambda f: comp.records.convert(fn(f), ft)
    if ft.kind == "record" and vt.kind == "record" and vt is not ft and vt.name is None:
        return lambda f: comp.records.convert(fn(f), ft)
    if ft.kind in ("table", "vector") and vt.kind == ft.kind:
        return lambda f: retype_container(fn(f), ft)
    return fn


def table_coerce_fn(comp, src, dst, x):
    if isinstance(src, N.Ctor):
        return table_ctor_fn(comp, src, dst)

    def tab(f):
        v = x(f)
        if isinstance(v, TableVal) and v.ttype.indices is None:
            v.ttype = dst
        return v
    return tab


def table_ctor_fn(comp, e, t):
    attrs = e.checked_attrs
    deflt = comp.records.table_default(attrs, t)
    items = []
    for it in e.items:
        if isinstance(it, N.Assign) and isinstance(it.target, N.ListExpr):
            idx = [comp.expr(i) for i in it.target.items]
            val = comp.expr(it.value)
            vt = it.value.type
            if t.yield_ is not None and vt.is_arith() and t.yield_.is_arith() and vt.kind != t.yield_.kind:
                conv = arith_conv(vt.kind, t.yield_.kind)
                val = (lambda v, c: lambda f: c(v(f)))(val, conv)
            items.append((idx, val))
        elif isinstance(it, N.ListExpr) and it.type.kind == "list":
            items.append(([comp.expr(i) for i in it.items], None))
        else:
            items.append(([comp.expr(it)], None))

    def ctor(f):
        tv = TableVal(t, deflt, attrs)
        data = tv.data
        for idx, val in items:
            iv = [i(f) for i in idx]
            data[key_of(iv)] = [index_copy(iv), val(f) if val is not None else None]
        return tv
    return ctor


def init_list_fn(comp, e):
    t = e.type
    if t.kind == "table":
        attrs = None
        items = [([comp.expr(i) for i in idx], comp.expr(v) if v is not None else None)
                 for idx, v in e.table_items]

        def init(f):
            tv = TableVal(t, None, attrs)
            for idx, val in items:
                iv = [i(f) for i in idx]
                tv.data[key_of(iv)] = [index_copy(iv), val(f) if val is not None else None]
            return tv
        return init
    if t.kind == "vector":
        items = [comp.expr(i) for i in e.items]
        return lambda f: VectorVal(t, [i(f) for i in items])
    return comp.expr(e)


def unary_fn(comp, e):
    op = e.op
    x = comp.expr(e.operand)
    t = e.operand.type
    k = t.kind
    if op == "!":
        return lambda f: not x(f)
    if op == "~":
        return lambda f: (~x(f)) & M64
    if k == "vector" and op in ("-", "+"):
        # a new vector of the element results (values.md §4.1)
        yk = t.yield_.kind
        rt = e.type
        wrap = to_int if yk in ("count", "int") else (Interval if yk == "interval" else float)
        sign = -1 if op == "-" else 1
        return lambda f: VectorVal(rt, [(wrap(sign * i) if i is not UNSET else UNSET) for i in x(f).items])
    if op == "-":
        if k in ("count", "int"):
            return lambda f: to_int(-x(f))
        if k == "interval":
            return lambda f: Interval(-x(f))
        return lambda f: -x(f)
    if op == "+":
        if k in ("count", "int"):
            return lambda f: to_int(x(f))
        return x
    # `++`/`--` are stores: compiler/stores.py's incdec_fn
    raise AssertionError(op)


def _div(a, b, e, kind):
    if b == 0:
        raise _expr_error("division by zero", e)
    if kind == "double":
        return a / b
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _mod(a, b, e):
    if b == 0:
        raise _expr_error("modulo by zero", e)
    r = abs(a) % abs(b)
    return r if a >= 0 else -r


def binary_fn(comp, e):
    return binary_of(comp, e, comp.expr(e.left), comp.expr(e.right))


def binary_of(comp, e, a, b):
    """The closure for operator `e` applied to the closures `a` and `b`."""
    op = e.op
    lt, rt_ = e.left.type, e.right.type
    t = e.type
    if op == "&&":
        return lambda f: a(f) and b(f)
    if op == "||":
        return lambda f: a(f) or b(f)
    if op in ("in", "!in"):
        fn = in_fn(comp, e, a, b)
        if op == "!in":
            return lambda f: not fn(f)
        return fn
    if lt.kind == "vector" or rt_.kind == "vector":
        return vector_op_fn(comp, e, a, b)
    if op in ("==", "!=", "<", "<=", ">", ">="):
        return compare_fn(comp, e, a, b)
    k = t.kind
    if k in ("count", "int", "double", "interval", "time") and op in ARITH_OPS:
        # the result type decides the wrap: counts modulo 2^64, ints two's
        # complement, intervals stay IntervalVals (values.md §2.4, §4.1)
        wrap = {"count": to_count, "int": to_int, "double": None,
                "interval": Interval, "time": float}[k]
        kind = "double" if k != "count" and k != "int" else k
        pyop = {"+": _operator.add, "-": _operator.sub, "*": _operator.mul,
                "/": lambda x, y: _div(x, y, e, kind), "%": lambda x, y: _mod(x, y, e),
                "&": _operator.and_, "|": _operator.or_, "^": _operator.xor}[op]
        if wrap is None:
            return lambda f: pyop(a(f), b(f))
        return lambda f: wrap(pyop(a(f), b(f)))
    if k == "string" and op == "+":
        return lambda f: a(f) + b(f)
    if k == "table":
        return set_op_fn(e, a, b, t)
    if k == "pattern":
        fn = pattern_or if op == "|" else pattern_and
        return lambda f: fn(a(f), b(f))
    if k == "subnet":
        def subnet(f):
            # each operand once: `10.0.0.1 / g()` calls g once
            addr, width = a(f), b(f)
            return make_subnet(addr, width if width <= 128 else 128)
        return subnet
    raise InternalError(f"no operator {op} for {T.type_name(lt)} and {T.type_name(rt_)}")


def set_op_fn(e, a, b, t):
    op = e.op

    def setop(f):
        x, y = a(f), b(f)
        out = TableVal(t, x.default, x.attrs)
        if op == "|":
            out.data = dict(x.data)
            for k, v in y.data.items():
                out.data.setdefault(k, v)
        elif op == "&":
            out.data = {k: v for k, v in x.data.items() if k in y.data}
        else:
            out.data = {k: v for k, v in x.data.items() if k not in y.data}
        return out
    return setop


def compare_fn(comp, e, a, b):
    op = e.op
    lk, rk = e.left.type.kind, e.right.type.kind
    if {lk, rk} == {"pattern", "string"}:
        if lk == "pattern":
            fn = lambda f: match_exact(a(f), b(f))
        else:
            fn = lambda f: match_exact(b(f), a(f))
        return fn if op == "==" else (lambda f: not fn(f))
    if lk == "table":
        def keys(f):
            return set(a(f).data), set(b(f).data)
        table = {"==": lambda x, y: x == y, "!=": lambda x, y: x != y,
                 "<": lambda x, y: x < y, "<=": lambda x, y: x <= y,
                 ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}[op]
        return lambda f: table(*keys(f))
    if lk == "enum":
        if op == "==":
            return lambda f: a(f) is b(f)
        return lambda f: a(f) is not b(f)
    if op == "==":
        return lambda f: a(f) == b(f)
    if op == "!=":
        return lambda f: a(f) != b(f)
    if op == "<":
        return lambda f: a(f) < b(f)
    if op == "<=":
        return lambda f: a(f) <= b(f)
    if op == ">":
        return lambda f: a(f) > b(f)
    return lambda f: a(f) >= b(f)


def vector_op_fn(comp, e, a, b):
    """Element-wise `e` (values.md §4.1): the checker typed one pair of
    elements as `e.elem`, whose operands may be promoted (Coerce)."""
    el = e.elem
    conv_l, conv_r = _elem_conv(el.left), _elem_conv(el.right)
    # the element operation reads its operands from the pair it is given
    pair_op = binary_of(comp, el, lambda p: conv_l(p[0]), lambda p: conv_r(p[1]))
    t = e.type
    rtm = comp.rt

    def vec(f):
        x, y = a(f), b(f)
        if isinstance(x, VectorVal) and isinstance(y, VectorVal):
            if len(x.items) != len(y.items):
                rtm.error("vector operands are of different sizes", e.loc, expr_text(e))
                raise NoValue
            pairs = zip(x.items, y.items)
        elif isinstance(x, VectorVal):
            pairs = ((i, y) for i in x.items)
        else:
            pairs = ((x, i) for i in y.items)
        out = [UNSET if (p is UNSET or q is UNSET) else pair_op((p, q)) for p, q in pairs]
        return VectorVal(t, out)
    return vec


def _elem_conv(side):
    """The conversion of one element to the type the checker promoted it to."""
    if not isinstance(side, N.Coerce):
        return lambda v: v
    sk, dk = side.operand.type.kind, side.type.kind
    if not side.operand.type.is_arith():
        return lambda v: v
    return arith_conv(sk, dk) or (lambda v: v)


def in_fn(comp, e, a, b):
    rk = e.right.type.kind
    lk = e.left.type.kind
    if rk == "table":
        idx = [comp.expr(i) for i in e.left.items]
        if e.right.type.indices and len(e.right.type.indices) == 1 and \
                e.right.type.indices[0].kind == "subnet" and lk != "subnet" and \
                e.left.items and e.left.items[0].type.kind == "addr":
            def in_subnets(f):
                addr = idx[0](f)
                return any(addr_in(addr, ent[0][0]) for ent in b(f).data.values())
            return in_subnets
        if len(idx) == 1:
            i0 = idx[0]
            return lambda f: scalar_key(i0(f)) in b(f).data
        return lambda f: key_of([i(f) for i in idx]) in b(f).data
    if rk == "vector":
        def in_vec(f):
            i, v = a(f), b(f)
            return 0 <= i < len(v.items) and v.items[i] is not UNSET
        return in_vec
    if rk == "string":
        if lk == "pattern":
            return lambda f: match_anywhere(a(f), b(f))
        return lambda f: a(f) in b(f)
    if rk == "subnet":
        return lambda f: addr_in(a(f), b(f))
    raise InternalError(f"no operator in for {T.type_name(e.left.type)} and {T.type_name(e.right.type)}")


def field_fn(comp, e):
    obj = comp.expr(e.obj)
    i = e.field_index
    fdecl = e.obj.type.fields[i]
    d = fdecl.attrs.get("&default")
    if d is not None and d.expr is not None:
        dexpr = comp.expr(d.expr)
        needs_copy = fdecl.type.kind in ("record", "table", "vector")

        def field_default(f):
            v = obj(f).vals[i]
            if v is UNSET:
                v = dexpr([None])
                return deep_copy(v) if needs_copy else v
            return v
        return field_default

    def field(f):
        r = obj(f)
        v = r.vals[i]
        if v is UNSET:
            raise _expr_error("field value missing", e)
        return v
    return field


def index_fn(comp, e):
    obj = comp.expr(e.obj)
    t = e.obj.type
    rt = comp.rt
    idx = [comp.expr(i) for i in e.index]
    if t.kind == "string":
        i0 = idx[0]

        def sindex(f):
            s = obj(f)
            i = i0(f)
            if i < 0:
                i += len(s)
            return s[i:i + 1] if 0 <= i < len(s) else b""
        return sindex
    if t.kind == "vector":
        i0 = idx[0]
        if e.index[0].type.kind == "vector":
            def vmask(f):
                v, m = obj(f), i0(f)
                return VectorVal(t, [x for x, keep in zip(v.items, m.items) if keep])
            return vmask

        def element(v, i):
            items = v.items
            if 0 <= i < len(items):
                x = items[i]
                if x is not UNSET:
                    return x
            rt.error("no such index", e.loc, expr_text(e))
            raise NoValue
        if t.yield_ is not None and t.yield_.kind == "any":
            # the vector may be a typed one seen through `vector of any`
            # (values.md §5.3): its bare elements get their dynamic type
            def vindex_any(f):
                v = obj(f)
                x = element(v, i0(f))
                yt = v.vtype.yield_
                if isinstance(x, AnyVal) or yt is None or yt.kind == "any":
                    return x
                return AnyVal(yt, x)
            return vindex_any
        return lambda f: element(obj(f), i0(f))

    def tindex(f):
        tv = obj(f)
        iv = [i(f) for i in idx]
        ent = tv.data.get(key_of(iv))
        if ent is not None:
            return ent[1]
        if tv.default is not None:
            return tv.default(iv)
        rt.error("no such index", e.loc, expr_text(e))
        raise NoValue
    return tindex


def slice_fn(comp, e):
    obj = comp.expr(e.obj)
    lo = comp.expr(e.lo) if e.lo is not None else None
    hi = comp.expr(e.hi) if e.hi is not None else None
    t = e.obj.type

    def norm(i, n):
        if abs(i) > n:
            return n if i > 0 else 0
        return i + n if i < 0 else i

    def sl(f):
        s = obj(f)
        items = s.items if t.kind == "vector" else s
        n = len(items)
        a = norm(lo(f), n) if lo else 0
        b = norm(hi(f), n) if hi else n
        part = items[a:b] if b >= a else items[0:0]
        return VectorVal(t, list(part)) if t.kind == "vector" else part
    return sl


def size_fn(comp, e):
    x = comp.expr(e.operand)
    k = e.operand.type.kind
    if k in ("count", "bool"):
        return lambda f: int(x(f))
    if k == "int":
        return lambda f: abs(x(f))
    if k in ("double", "interval", "time"):
        return lambda f: abs(float(x(f)))
    if k == "string":
        return lambda f: len(x(f))
    if k == "table":
        return lambda f: len(x(f).data)
    if k == "vector":
        return lambda f: len(x(f).items)
    if k == "record":
        return lambda f: len(x(f).vals)
    if k == "addr":
        return lambda f: 32 if addr_is_v4(x(f)) else 128
    if k == "subnet":
        return lambda f: float(2 ** (128 - x(f).width))
    if k == "port":
        return lambda f: x(f)
    if k == "enum":
        return lambda f: x(f).num
    if k == "func":
        return lambda f: len(x(f).ftype.params)
    if k == "pattern":
        return lambda f: 0
    if k in ("file", "opaque", "any"):
        # not modelled: Bro gives a file's current size and an `any` the
        # size of what it holds (values.md §4.6); README lists files as
        # not supported
        return lambda f: 0
    raise InternalError(f"no size of a value of type {T.type_name(e.operand.type)}")


def cast_fn(comp, e):
    x = comp.expr(e.operand)
    t = e.target_type
    st = e.operand.type
    from ..types import same_type, type_name
    if e.op == "is":
        if st.kind != "any":
            ok = same_type(st, t)
            return lambda f: ok

        def is_(f):
            v = x(f)
            return same_type(v.type, t)
        return is_
    if st.kind != "any":
        if st.is_arith() and t.is_arith() and st.kind != t.kind:
            return coerce_fn(comp, N.Coerce(e.loc, e.operand, type=t))
        return x

    def as_(f):
        v = x(f)
        if same_type(v.type, t):
            return v.value
        raise ExprError(f"invalid cast of value with type '{type_name(v.type)}' to type '{type_name(t)}'",
                        e.loc, expr_text(e))
    return as_
