"""Closures for operators, coercions, constructors, fields, indexing,
sizes and casts (values.md §4-§5): fn(frame) -> value.  Called by
compiler/core.py and compiler/codegen.py."""
from __future__ import annotations

import itertools
import operator as _operator

from .. import nodes as N
from .. import types as T
from ..errors import ExprError, InternalError, NoValue
from ..render import expr_text
from ..runtime.ops import (M64, key_of, to_any, scalar_key, index_copy, deep_copy, truncate,
                           arith_conv, retype, retype_container, addr_in)
from ..runtime.patterns import match_anywhere, match_exact, pattern_and, pattern_or
from ..runtime.files import size_on_disk
from ..runtime.values import (UNSET, AnyVal, Interval, RecordVal, TableVal, VectorVal, addr_is_v4,
                              to_count, to_int, make_subnet)
from ..types import Kind as K
from ..nodes import Op

ARITH_OPS = (Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MOD, Op.AND, Op.OR, Op.XOR)


def _expr_error(msg, e):
    return ExprError(msg, e.loc, expr_text(e))


def coerce_fn(comp, e):
    x = comp.expr(e.operand)
    src, dst = e.operand.type, e.type
    sk, dk = src.kind, dst.kind
    if dk == K.ANY:
        return lambda f: to_any(src, x(f))
    if sk == K.ANY:
        def unwrap(f):
            v = x(f)
            return v.value if isinstance(v, AnyVal) else v
        return unwrap
    if dk == K.INT and sk == K.COUNT:
        def count_to_int(f):
            v = x(f)
            return v if v <= 0x7FFFFFFFFFFFFFFF else v - 0x10000000000000000
        return count_to_int
    if dk == K.COUNT and sk == K.INT:
        return lambda f: to_count(x(f))
    if dk == K.DOUBLE and sk in (K.COUNT, K.INT):
        return lambda f: float(x(f))
    if dk in (K.COUNT, K.INT) and sk == K.DOUBLE:
        conv = to_count if dk == K.COUNT else to_int
        return lambda f: conv(truncate(x(f)))
    if dk == K.TIME:
        return lambda f: float(x(f))
    if dk == K.RECORD:
        return record_coerce_fn(comp, e.operand, dst)
    if dk == K.TABLE:
        return table_coerce_fn(comp, e.operand, dst, x)
    if dk == K.VECTOR:
        if sk == K.VECTOR and src.yield_ is not None and src.yield_.is_arith() and dst.yield_.is_arith() \
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
    if ft.kind == K.ANY and vt.kind != K.ANY:
        return lambda f: AnyVal(vt, fn(f))
    if vt.is_arith() and ft.is_arith() and vt.kind != ft.kind:
        conv = arith_conv(vt.kind, ft.kind)
        return lambda f: conv(fn(f))
    if ft.kind == K.RECORD and vt.kind == K.RECORD and vt is not ft and not T.same_type(vt, ft):
        return lambda f: comp.records.convert(fn(f), ft)
    if ft.kind == K.RECORD and vt.kind == K.RECORD and vt is not ft and vt.name is None:
        return lambda f: comp.records.convert(fn(f), ft)
    if ft.kind in (K.TABLE, K.VECTOR) and vt.kind == ft.kind:
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
    give = comp.records.default_setter(e.checked_attrs, t)
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
        elif isinstance(it, N.ListExpr) and it.type.kind == K.LIST:
            items.append(([comp.expr(i) for i in it.items], None))
        else:
            items.append(([comp.expr(it)], None))

    def ctor(f):
        tv = TableVal(t)
        if give is not None:
            give(tv)
        data = tv.data
        for idx, val in items:
            iv = [i(f) for i in idx]
            data[key_of(iv)] = [index_copy(iv), val(f) if val is not None else None]
        return tv
    return ctor


def init_list_fn(comp, e):
    t = e.type
    if t.kind == K.TABLE:
        attrs = None
        items = [([comp.expr(i) for i in idx] if expand in (None, "all") else
                  [_init_position(comp, i, how) for i, how in zip(idx, expand)],
                  comp.expr(v) if v is not None else None, expand)
                 for idx, v, expand in e.table_items]

        def init(f):
            tv = TableVal(t, None, attrs)
            data = tv.data
            for idx, val, expand in items:
                if expand is None:
                    iv = [i(f) for i in idx]
                    data[key_of(iv)] = [index_copy(iv), val(f) if val is not None else None]
                    continue
                v = val(f) if val is not None else None
                if expand == "all":
                    for ent in list(idx[0](f).data.values()):
                        data[key_of(ent[0])] = [index_copy(ent[0]), v]
                    continue
                # Bro's ExpandCompoundAndInit: every combination, the
                # first position varying slowest
                for iv in itertools.product(*[i(f) for i in idx]):
                    iv = list(iv)
                    data[key_of(iv)] = [index_copy(iv), v]
            return tv
        return init
    if t.kind == K.VECTOR:
        items = [comp.expr(i) for i in e.items]
        return lambda f: VectorVal(t, [i(f) for i in items])
    return comp.expr(e)


def _init_position(comp, e, how):
    """One index position of a `{ ... }` element: its value, or with
    `how` the list of the values it expands to."""
    if how is None:
        x = comp.expr(e)
        return lambda f: [x(f)]
    if how == "list":
        parts = [comp.expr(x) for x in e.items]
        return lambda f: [p(f) for p in parts]
    if how == "set":
        x = comp.expr(e)
        return lambda f: [ent[0][0] for ent in list(x(f).data.values())]
    raise InternalError(f"no index expansion {how!r}")


def unary_fn(comp, e):
    op = e.op
    x = comp.expr(e.operand)
    t = e.operand.type
    k = t.kind
    if op == Op.NOT:
        return lambda f: not x(f)
    if op == Op.COMPL:
        return lambda f: (~x(f)) & M64
    if k == K.VECTOR and op in (Op.SUB, Op.ADD):
        # a new vector of the element results (values.md §4.1)
        yk = t.yield_.kind
        rt = e.type
        wrap = to_int if yk in (K.COUNT, K.INT) else (Interval if yk == K.INTERVAL else float)
        sign = -1 if op == Op.SUB else 1
        return lambda f: VectorVal(rt, [(wrap(sign * i) if i is not UNSET else UNSET) for i in x(f).items])
    if op == Op.SUB:
        if k in (K.COUNT, K.INT):
            return lambda f: to_int(-x(f))
        if k == K.INTERVAL:
            return lambda f: Interval(-x(f))
        return lambda f: -x(f)
    if op == Op.ADD:
        if k in (K.COUNT, K.INT):
            return lambda f: to_int(x(f))
        return x
    # `++`/`--` are stores: compiler/stores.py's incdec_fn
    raise AssertionError(op)


def _div(a, b, e, kind):
    if b == 0:
        raise _expr_error("division by zero", e)
    if kind == K.DOUBLE:
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
    if op == Op.LAND:
        return lambda f: a(f) and b(f)
    if op == Op.LOR:
        return lambda f: a(f) or b(f)
    if op in (Op.IN, Op.NOT_IN):
        fn = in_fn(comp, e, a, b)
        if op == Op.NOT_IN:
            return lambda f: not fn(f)
        return fn
    if lt.kind == K.VECTOR or rt_.kind == K.VECTOR:
        return vector_op_fn(comp, e, a, b)
    if op in (Op.EQ, Op.NE, Op.LT, Op.LE, Op.GT, Op.GE):
        return compare_fn(comp, e, a, b)
    k = t.kind
    if k in (K.COUNT, K.INT, K.DOUBLE, K.INTERVAL, K.TIME) and op in ARITH_OPS:
        # the result type decides the wrap: counts modulo 2^64, ints two's
        # complement, intervals stay IntervalVals (values.md §2.4, §4.1)
        wrap = {"count": to_count, "int": to_int, "double": None,
                "interval": Interval, "time": float}[k]
        kind = K.DOUBLE if k != K.COUNT and k != K.INT else k
        pyop = {Op.ADD: _operator.add, Op.SUB: _operator.sub, Op.MUL: _operator.mul,
                Op.DIV: lambda x, y: _div(x, y, e, kind), Op.MOD: lambda x, y: _mod(x, y, e),
                Op.AND: _operator.and_, Op.OR: _operator.or_, Op.XOR: _operator.xor}[op]
        if wrap is None:
            return lambda f: pyop(a(f), b(f))
        return lambda f: wrap(pyop(a(f), b(f)))
    if k == K.STRING and op == Op.ADD:
        return lambda f: a(f) + b(f)
    if k == K.TABLE:
        return set_op_fn(e, a, b, t)
    if k == K.PATTERN:
        fn = pattern_or if op == Op.OR else pattern_and
        return lambda f: fn(a(f), b(f))
    if k == K.SUBNET:
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
        # the insertion orders of Bro's Union/Intersect/RemoveFrom, which
        # decide the result's order (values.md §3.4)
        if op == Op.OR:
            out.data.fill(x.data.items())
            for k, v in y.data.items():
                out.data.setdefault(k, v)
        elif op == Op.AND:
            # walk the smaller operand, b on a tie
            small, big = (x, y) if len(x.data) < len(y.data) else (y, x)
            out.data.fill((k, v) for k, v in small.data.items() if k in big.data)
        else:
            out.data.fill(x.data.items())
            for k in y.data:
                out.data.pop(k, None)
        return out
    return setop


def compare_fn(comp, e, a, b):
    op = e.op
    lk, rk = e.left.type.kind, e.right.type.kind
    if {lk, rk} == {"pattern", "string"}:
        if lk == K.PATTERN:
            fn = lambda f: match_exact(a(f), b(f))
        else:
            fn = lambda f: match_exact(b(f), a(f))
        return fn if op == Op.EQ else (lambda f: not fn(f))
    if lk == K.TABLE:
        def keys(f):
            return set(a(f).data), set(b(f).data)
        table = {Op.EQ: lambda x, y: x == y, Op.NE: lambda x, y: x != y,
                 Op.LT: lambda x, y: x < y, Op.LE: lambda x, y: x <= y,
                 Op.GT: lambda x, y: x > y, Op.GE: lambda x, y: x >= y}[op]
        return lambda f: table(*keys(f))
    if lk == K.ENUM:
        if op == Op.EQ:
            return lambda f: a(f) is b(f)
        return lambda f: a(f) is not b(f)
    if op == Op.EQ:
        return lambda f: a(f) == b(f)
    if op == Op.NE:
        return lambda f: a(f) != b(f)
    if op == Op.LT:
        return lambda f: a(f) < b(f)
    if op == Op.LE:
        return lambda f: a(f) <= b(f)
    if op == Op.GT:
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
    if rk == K.TABLE:
        idx = [comp.expr(i) for i in e.left.items]
        if e.right.type.indices and len(e.right.type.indices) == 1 and \
                e.right.type.indices[0].kind == K.SUBNET and lk != K.SUBNET and \
                e.left.items and e.left.items[0].type.kind == K.ADDR:
            def in_subnets(f):
                addr = idx[0](f)
                return any(addr_in(addr, ent[0][0]) for ent in b(f).data.values())
            return in_subnets
        if len(idx) == 1:
            i0 = idx[0]
            return lambda f: scalar_key(i0(f)) in b(f).data
        return lambda f: key_of([i(f) for i in idx]) in b(f).data
    if rk == K.VECTOR:
        def in_vec(f):
            i, v = a(f), b(f)
            return 0 <= i < len(v.items) and v.items[i] is not UNSET
        return in_vec
    if rk == K.STRING:
        if lk == K.PATTERN:
            return lambda f: match_anywhere(a(f), b(f))
        return lambda f: a(f) in b(f)
    if rk == K.SUBNET:
        return lambda f: addr_in(a(f), b(f))
    raise InternalError(f"no operator in for {T.type_name(e.left.type)} and {T.type_name(e.right.type)}")


def field_fn(comp, e):
    obj = comp.expr(e.obj)
    i = e.field_index
    fdecl = e.obj.type.fields[i]
    d = fdecl.attrs.get("&default")
    if d is not None and d.expr is not None:
        dexpr = comp.expr(d.expr)
        needs_copy = fdecl.type.kind in (K.RECORD, K.TABLE, K.VECTOR)

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
    if t.kind == K.STRING:
        i0 = idx[0]

        def sindex(f):
            s = obj(f)
            i = i0(f)
            if i < 0:
                i += len(s)
            return s[i:i + 1] if 0 <= i < len(s) else b""
        return sindex
    if t.kind == K.VECTOR:
        i0 = idx[0]
        if e.index[0].type.kind == K.VECTOR:
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
        if t.yield_ is not None and t.yield_.kind == K.ANY:
            # the vector may be a typed one seen through `vector of any`
            # (values.md §5.3): its bare elements get their dynamic type
            def vindex_any(f):
                v = obj(f)
                x = element(v, i0(f))
                yt = v.vtype.yield_
                if isinstance(x, AnyVal) or yt is None or yt.kind == K.ANY:
                    return x
                return AnyVal(yt, x)
            return vindex_any
        return lambda f: element(obj(f), i0(f))

    def lookup(tv, f):
        iv = [i(f) for i in idx]
        ent = tv.data.get(key_of(iv))
        if ent is not None:
            return ent[1]
        if tv.default is not None:
            return tv.default(iv)
        rt.error("no such index", e.loc, expr_text(e))
        raise NoValue
    if t.yield_ is not None and t.yield_.kind == K.ANY:
        # a typed table seen through `table[..] of any` (an `any` used as
        # one, base/utils/json.bro): its bare values get their dynamic type
        def tindex_any(f):
            tv = obj(f)
            v = lookup(tv, f)
            yt = tv.ttype.yield_
            if isinstance(v, AnyVal) or yt is None or yt.kind == K.ANY:
                return v
            return AnyVal(yt, v)
        return tindex_any
    return lambda f: lookup(obj(f), f)


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
        items = s.items if t.kind == K.VECTOR else s
        n = len(items)
        a = norm(lo(f), n) if lo else 0
        b = norm(hi(f), n) if hi else n
        part = items[a:b] if b >= a else items[0:0]
        return VectorVal(t, list(part)) if t.kind == K.VECTOR else part
    return sl


def size_fn(comp, e):
    x = comp.expr(e.operand)
    k = e.operand.type.kind
    if k in (K.COUNT, K.BOOL):
        return lambda f: int(x(f))
    if k == K.INT:
        return lambda f: abs(x(f))
    if k in (K.DOUBLE, K.INTERVAL, K.TIME):
        return lambda f: abs(float(x(f)))
    if k == K.STRING:
        return lambda f: len(x(f))
    if k == K.TABLE:
        return lambda f: len(x(f).data)
    if k == K.VECTOR:
        return lambda f: len(x(f).items)
    if k == K.RECORD:
        return lambda f: len(x(f).vals)
    if k == K.ADDR:
        return lambda f: 32 if addr_is_v4(x(f)) else 128
    if k == K.SUBNET:
        return lambda f: float(2 ** (128 - x(f).width))
    if k == K.PORT:
        return lambda f: x(f)
    if k == K.ENUM:
        return lambda f: x(f).num
    if k == K.FUNC:
        return lambda f: len(x(f).ftype.params)
    if k == K.PATTERN:
        return lambda f: 0
    if k == K.FILE:
        # flushed, then its size on disk (bifs/core-3.md §1.2)
        loc, desc = e.loc, expr_text(e)
        return lambda f: size_on_disk(x(f), loc, desc)
    if k in (K.OPAQUE, K.ANY):
        # not modelled: Bro gives an `any` the size of what it holds
        # (values.md §4.6)
        return lambda f: 0
    raise InternalError(f"no size of a value of type {T.type_name(e.operand.type)}")


def cast_fn(comp, e):
    x = comp.expr(e.operand)
    t = e.target_type
    st = e.operand.type
    from ..types import same_type, type_name
    if st.kind == K.RECORD and st.name == "Broker::Data" and not same_type(st, t):
        return broker_cast_fn(comp, e, x, st, t)
    if e.op == Op.IS:
        if st.kind != K.ANY:
            ok = same_type(st, t)
            return lambda f: ok

        def is_(f):
            v = x(f)
            return same_type(v.type, t)
        return is_
    if st.kind != K.ANY:
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


def broker_cast_fn(comp, e, x, st, t):
    """`d as T` / `d is T` on a Broker::Data record: Broker's conversion of
    the data it holds (bifs/probabilistic-broker.md §3)."""
    from ..cluster.data import Unconvertible, from_data
    from ..types import type_name
    interp = comp.interp

    def convert(f):
        d = x(f)
        box = d.vals[0] if isinstance(d, RecordVal) and d.vals else UNSET
        if box is UNSET:
            return UNSET
        try:
            return from_data(t, box.state.data, interp)
        except Unconvertible:
            return Unconvertible
    if e.op == Op.IS:
        def is_(f):
            v = convert(f)
            return v is not UNSET and v is not Unconvertible
        return is_
    if t.kind == K.ANY:
        return x

    def as_(f):
        v = convert(f)
        if v is UNSET or v is Unconvertible:
            nil = " (nil $data field)" if v is UNSET else ""
            raise ExprError(f"invalid cast of value with type '{type_name(st)}' to type "
                            f"'{type_name(t)}'{nil}", e.loc, expr_text(e))
        if isinstance(v, AnyVal):
            v = v.value
        return v
    return as_
