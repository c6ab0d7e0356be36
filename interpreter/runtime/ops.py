"""Closures for operators, containers and the compound statements
(values.md §4-§5, language.md §4).  Called only by compiler.py."""
from __future__ import annotations

import math
import operator as _operator

from .. import nodes as N
from .. import types as T
from ..errors import BroFatal, ExprError, NoValue
from ..render import expr_text
from .values import (UNSET, AnyVal, Interval, RecordVal, TableVal, VectorVal,
                     to_count, to_int, PatternVal, make_subnet, Subnet, OpaqueVal)
from .runtime import BREAK, NEXT, FALL, RETURN

M64 = 0xFFFFFFFFFFFFFFFF
ARITH_OPS = ("+", "-", "*", "/", "%", "&", "|", "^")


def _expr_error(msg, e):
    return ExprError(msg, e.loc, expr_text(e))


# ---------------------------------------------------------------- keys
def key_of(vals):
    """Hashable key for an index list (values stored by value, values.md §5.2)."""
    if len(vals) == 1:
        return _k(vals[0])
    return tuple(_k(v) for v in vals)


def _k(v):
    if isinstance(v, RecordVal):
        return ("R",) + tuple(_k(x) for x in v.vals)
    if isinstance(v, AnyVal):
        return _k(v.value)
    if isinstance(v, (VectorVal, TableVal)):
        return id(v)
    if isinstance(v, float):
        return float(v)
    return v


def index_copy(vals):
    return [deep_copy(v) if isinstance(v, RecordVal) else v for v in vals]


# ---------------------------------------------------------------- copy
def deep_copy(v, memo=None):
    if isinstance(v, RecordVal):
        return RecordVal(v.rtype, [deep_copy(x) for x in v.vals])
    if isinstance(v, VectorVal):
        return VectorVal(v.vtype, [deep_copy(x) for x in v.items])
    if isinstance(v, TableVal):
        t = TableVal(v.ttype, v.default, v.attrs)
        # re-inserted in the source's order (values.md §3.4)
        t.data.fill((k, [list(e[0]), deep_copy(e[1])]) for k, e in v.data.items())
        return t
    if isinstance(v, AnyVal):
        return AnyVal(v.type, deep_copy(v.value))
    if isinstance(v, OpaqueVal) and hasattr(v.state, "clone"):
        # Bro copies an opaque through serialization: same state, new object
        return OpaqueVal(v.oname, v.state.clone())
    return v


# ---------------------------------------------------------------- new values
def new_value(t: T.Type):
    """A fresh empty aggregate for a declared-but-uninitialised variable."""
    k = t.kind
    if k == "record":
        return new_record(t)
    if k == "table":
        return TableVal(t, default_fn(t.attrs_of if hasattr(t, "attrs_of") else None, t))
    if k == "vector":
        return VectorVal(t)
    return UNSET


def new_record(rt: T.RecordType):
    vals = []
    for f in rt.fields:
        d = f.attrs.get("&default")
        if d is not None and d.expr is not None:
            vals.append(default_value(d, f.type))
        elif not f.attrs.has("&optional") and f.type.kind in ("record", "table", "vector"):
            vals.append(new_value(f.type))
        else:
            vals.append(UNSET)
    return RecordVal(rt, vals)


def default_value(attr, t):
    v = attr.compiled([None])
    if isinstance(v, (RecordVal, TableVal, VectorVal)):
        v = deep_copy(v)
    return v


def default_fn(attrs, t):
    return None


# ---------------------------------------------------------------- coercion
def _truncate(d: float) -> int:
    """double -> integral truncates (values.md §4.1); inf and NaN give what
    x86's cvttsd2si gives, the 'integer indefinite' -2^63."""
    return int(d) if math.isfinite(d) else -(1 << 63)


def arith_conv(sk: str, dk: str):
    """The conversion of an arithmetic value of kind `sk` to kind `dk`
    (values.md §4.1), or None when there is none to make."""
    if sk == dk:
        return None
    if dk in ("double", "time"):
        return float
    wrap = to_count if dk == "count" else to_int
    if sk == "double":
        return lambda v: wrap(_truncate(v))
    return wrap


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
        return lambda f: conv(_truncate(x(f)))
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
            return VectorVal(dst, v.items) if isinstance(v, VectorVal) and not v.items else _retype(v, dst)
        return vec
    return x


def _retype(v, t):
    if isinstance(v, VectorVal) and v.vtype.yield_ is None:
        v.vtype = t
    return v


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
            out = new_record(rt)
            for di, si in mapping:
                if r.vals[si] is not UNSET:
                    out.vals[di] = r.vals[si]
            return out
        return rec_from
    convs = []
    for idx, fn, vt, ft in items:
        convs.append((idx, _value_conv(fn, vt, ft, comp)))

    def rec(f):
        r = new_record(rt)
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
        inner = N.Coerce(None, None, type=ft)
        return lambda f: _rec_convert(fn(f), ft)
    if ft.kind == "record" and vt.kind == "record" and vt is not ft and getattr(vt, "name", None) is None:
        return lambda f: _rec_convert(fn(f), ft)
    if ft.kind in ("table", "vector") and vt.kind == ft.kind:
        return lambda f: _retype_container(fn(f), ft)
    return fn


def _rec_convert(r, rt):
    out = new_record(rt)
    for i, fld in enumerate(r.rtype.fields):
        j = rt.index.get(fld.name)
        if j is not None and r.vals[i] is not UNSET:
            v = r.vals[i]
            ft = rt.fields[j].type
            if ft.kind == "record" and isinstance(v, RecordVal) and v.rtype is not ft:
                v = _rec_convert(v, ft)
            out.vals[j] = v
    return out


def _retype_container(v, t):
    if isinstance(v, TableVal) and v.ttype.indices is None:
        v.ttype = t
    elif isinstance(v, VectorVal) and v.vtype.yield_ is None:
        v.vtype = t
    return v


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
    attrs = getattr(e, "attrs_checked", None)
    deflt = make_default(comp, attrs, t)
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


def make_default(comp, attrs, t):
    """Compile a table's &default into fn(index_list) -> value, or None."""
    if attrs is None:
        return None
    a = attrs.get("&default")
    if a is None or a.expr is None:
        return None
    x = comp.expr(a.expr)
    rt = comp.rt
    if a.expr.type.kind == "func" and (t.yield_ is None or t.yield_.kind != "func"):
        def call_default(idx):
            fv = x([None])
            return rt.call(fv, idx, a.loc, a.expr)
        return call_default
    const = isinstance(a.expr, (N.Const, N.Coerce)) and not isinstance(a.expr.type, (T.RecordType, T.TableType, T.VectorType))

    def dflt(idx):
        v = x([None])
        return v if const else deep_copy(v)
    return dflt


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


# ---------------------------------------------------------------- unary
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
    if op in ("++", "--"):
        delta = 1 if op == "++" else -1
        return incdec_fn(comp, e, delta)
    raise AssertionError(op)


def incdec_fn(comp, e, delta):
    target = e.operand
    t = target.type
    conv = to_count if t.kind == "count" else to_int
    get = comp.expr(target)
    put = store_fn(comp, target)
    rt = comp.rt
    if t.kind == "vector":
        conv = to_count if t.yield_.kind == "count" else to_int

        def vec(f):
            v = get(f)
            v.items = [conv(i + delta) if i is not UNSET else UNSET for i in v.items]
            return v
        return vec

    def inc(f):
        v = get(f)
        n = v + delta
        if t.kind == "count" and n < 0:
            rt.error("count underflow", e.loc, expr_text(e))
        n = conv(n)
        put(f, n)
        return n
    return inc


# ---------------------------------------------------------------- binary
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
        from .patterns import pattern_or, pattern_and
        fn = pattern_or if op == "|" else pattern_and
        return lambda f: fn(a(f), b(f))
    if k == "subnet":
        return lambda f: make_subnet(a(f), b(f) if b(f) <= 128 else 128)
    return lambda f: UNSET


def set_op_fn(e, a, b, t):
    op = e.op

    def setop(f):
        x, y = a(f), b(f)
        out = TableVal(t, x.default, x.attrs)
        # the insertion orders of Bro's Union/Intersect/RemoveFrom, which
        # decide the result's order (values.md §3.4)
        if op == "|":
            out.data.fill(x.data.items())
            for k, v in y.data.items():
                out.data.setdefault(k, v)
        elif op == "&":
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
        from .patterns import match_exact
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
                return any(_addr_in(addr, ent[0][0]) for ent in b(f).data.values())
            return in_subnets
        if len(idx) == 1:
            i0 = idx[0]
            return lambda f: _k(i0(f)) in b(f).data
        return lambda f: key_of([i(f) for i in idx]) in b(f).data
    if rk == "vector":
        def in_vec(f):
            i, v = a(f), b(f)
            return 0 <= i < len(v.items) and v.items[i] is not UNSET
        return in_vec
    if rk == "string":
        if lk == "pattern":
            from .patterns import match_anywhere
            return lambda f: match_anywhere(a(f), b(f))
        return lambda f: a(f) in b(f)
    if rk == "subnet":
        return lambda f: _addr_in(a(f), b(f))
    if lk == "pattern":
        from .patterns import match_anywhere
        return lambda f: match_anywhere(a(f), b(f))
    return lambda f: False


def _addr_in(addr, sn: Subnet):
    w = sn.width
    mask = ((1 << 128) - 1) ^ ((1 << (128 - w)) - 1) if w else 0
    return (addr & mask) == sn.prefix


# ---------------------------------------------------------------- assignment
def store_fn(comp, target):
    """Compile an lvalue into fn(frame, value)."""
    from ..scope import LocalVar
    if isinstance(target, N.Name):
        b = target.binding
        if isinstance(b, LocalVar):
            slot = b.slot

            def st_local(f, v):
                f[slot] = v
            return st_local

        def st_global(f, v):
            b.value = v
        return st_global
    if isinstance(target, N.FieldExpr):
        obj = comp.expr(target.obj)
        i = target.index

        def st_field(f, v):
            obj(f).vals[i] = v
        return st_field
    if isinstance(target, N.Index):
        obj = comp.expr(target.obj)
        t = target.obj.type
        idx = [comp.expr(i) for i in target.index]
        if t.kind == "vector":
            i0 = idx[0]
            rt = comp.rt
            unbox = _any_unboxer(t)

            def st_vec(f, v):
                vec = obj(f)
                i = i0(f) & M64     # an int index is taken as unsigned (values.md §5.3)
                if unbox is not None:
                    v = unbox(vec, v)
                items = vec.items
                n = len(items)
                if i < n:
                    items[i] = v
                else:
                    if i > n:
                        grow(rt, items, i - n, target.loc)
                    items.append(v)
            return st_vec

        def st_table(f, v):
            tv = obj(f)
            iv = [i(f) for i in idx]
            k = key_of(iv)
            ent = tv.data.get(k)
            if ent is None:
                tv.data[k] = [index_copy(iv), v]
            else:
                ent[1] = v
        return st_table
    raise AssertionError(type(target))


def spend(rt, n, loc):
    """Work in proportion to a size the script chose (new vector slots, a
    filled string) costs a step per unit: --max-steps bounds memory as well
    as time (Budget)."""
    budget = rt.budget
    budget.left -= n
    if budget.left < 0:
        budget.exceeded(loc)


def allocate(rt, n, loc, make):
    """make() a value of n units the script asked for, paid as n steps; a
    size beyond memory is Bro's fatal 'out of memory' (its std::vector and
    std::string throw bad_alloc or length_error), not a Python error."""
    spend(rt, n, loc)
    try:
        return make()
    except (MemoryError, OverflowError):
        raise BroFatal("out of memory", loc) from None


def grow(rt, items, n, loc):
    """Append n holes to a vector's items (values.md §5.3)."""
    allocate(rt, n, loc, lambda: items.extend([UNSET] * n))


def _any_unboxer(vt):
    """For a store through a static `vector of any`: fn(vector, value).

    Such a name may stand for a vector of count handed to a `vector of any`
    parameter (values.md §5.3); its elements must stay bare counts, so the
    AnyVal the checker wrapped the value in comes off again unless the
    vector itself holds `any`.  Only the run time knows which vector it is."""
    if vt.yield_ is None or vt.yield_.kind != "any":
        return None

    def unbox(vec, v):
        if isinstance(v, AnyVal) and vec.vtype.yield_ is not None and vec.vtype.yield_.kind != "any":
            return v.value
        return v
    return unbox


def assign_fn(comp, e):
    if isinstance(e.target, N.ListExpr):
        # `[k] = v` outside a constructor makes no sense; the ctor handles it
        return comp.expr(e.value)
    val = comp.expr(e.value)
    put = store_fn(comp, e.target)
    tt = e.target.type
    if e.op == "=":
        def assign(f):
            v = val(f)
            put(f, v)
            return v
        return assign
    get = comp.expr(e.target)
    if tt.kind == "vector" and e.op == "+=":
        unbox = _any_unboxer(tt)

        def append(f):
            vec = get(f)
            v = val(f)
            vec.items.append(v if unbox is None else unbox(vec, v))
            return vec
        return append
    op = N.Binary(e.loc, e.op[0], e.target, e.value, type=tt)
    if tt.is_arith() and e.value.type.is_arith() and e.value.type.kind != tt.kind:
        op.type = T.max_arith(tt, e.value.type)
    combine = binary_fn(comp, op)
    if op.type is not tt:
        conv = to_count if tt.kind == "count" else (to_int if tt.kind == "int" else float)
        inner = combine
        combine = lambda f: conv(_truncate(inner(f)) if tt.kind != "double" else inner(f))

    def aug(f):
        v = combine(f)
        put(f, v)
        return v
    return aug


# ---------------------------------------------------------------- field, index
def field_fn(comp, e):
    obj = comp.expr(e.obj)
    i = e.index
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

        def vindex(f):
            v = obj(f)
            i = i0(f)
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
                x = vindex(f)
                yt = obj(f).vtype.yield_
                if isinstance(x, AnyVal) or yt is None or yt.kind == "any":
                    return x
                return AnyVal(yt, x)
            return vindex_any
        return vindex

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
        from .values import addr_is_v4
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
    return lambda f: 0


# ---------------------------------------------------------------- casts
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


# ---------------------------------------------------------------- statements
def switch_fn(comp, s):
    cases = s.cases
    bodies = [comp.body(c.body) if c.body else (lambda f: None) for c in cases]
    x = comp.expr(s.expr)
    default = next((i for i, c in enumerate(cases) if c.default), None)
    if any(c.types for c in cases):
        from ..types import same_type
        tcases = []
        for i, c in enumerate(cases):
            for t, var in (c.types or []):
                tcases.append((t, var.slot if var else None, i))
        st = s.expr.type

        def tswitch(f):
            try:
                v = x(f)
            except NoValue:
                return None
            dyn = v.type if isinstance(v, AnyVal) else st
            raw = v.value if isinstance(v, AnyVal) else v
            start = default
            for t, slot, i in tcases:
                if same_type(dyn, t):
                    if slot is not None:
                        f[slot] = raw
                    start = i
                    break
            return _run_cases(bodies, start, f)
        return tswitch
    table = {}
    for i, c in enumerate(cases):
        for v in (c.values or []):
            val = comp.expr(v)([None])
            table.setdefault(_k(val), i)

    def vswitch(f):
        try:
            v = x(f)
        except NoValue:
            return None
        start = table.get(_k(v), default)
        return _run_cases(bodies, start, f)
    return vswitch


def _run_cases(bodies, start, f):
    if start is None:
        return None
    for body in bodies[start:]:
        sig = body(f)
        if sig == FALL or sig == NEXT:
            continue
        if sig == BREAK or sig is None:
            return None
        return sig
    return None


def for_fn(comp, s):
    x = comp.expr(s.expr)
    body = comp.stmt(s.body) or (lambda f: None)
    slots = [v.slot for v in s.slots]
    k = s.expr.type.kind

    budget = comp.rt.budget
    loc = s.loc

    if len(slots) == 1:
        slot = slots[0]

        def run(f, seq):
            for item in seq:
                budget.left -= 1
                if budget.left < 0:
                    budget.exceeded(loc)
                f[slot] = item
                sig = body(f)
                if sig:
                    if sig == BREAK:
                        return None
                    if sig == RETURN:
                        return sig
            return None
    else:
        def run(f, seq):
            for item in seq:
                budget.left -= 1
                if budget.left < 0:
                    budget.exceeded(loc)
                for slot, val in zip(slots, item):
                    f[slot] = val
                sig = body(f)
                if sig:
                    if sig == BREAK:
                        return None
                    if sig == RETURN:
                        return sig
            return None

    if k == "vector":
        def for_vec(f):
            try:
                v = x(f)
            except NoValue:
                return None
            return run(f, [i for i, it in enumerate(v.items) if it is not UNSET])
        return for_vec
    if k == "string":
        def for_str(f):
            try:
                v = x(f)
            except NoValue:
                return None
            return run(f, [v[i:i + 1] for i in range(len(v))])
        return for_str
    single = len(slots) == 1

    def for_tab(f):
        try:
            tv = x(f)
        except NoValue:
            return None
        seq = [ent[0][0] if single else ent[0] for ent in list(tv.data.values())]
        return run(f, seq)
    return for_tab


def add_fn(comp, s):
    e = s.expr
    obj = comp.expr(e.obj)
    idx = [comp.expr(i) for i in e.index]

    def add(f):
        tv = obj(f)
        iv = [i(f) for i in idx]
        k = key_of(iv)
        if k not in tv.data:
            tv.data[k] = [index_copy(iv), None]
    return add


def delete_fn(comp, s):
    e = s.expr
    if isinstance(e, N.FieldExpr):
        obj = comp.expr(e.obj)
        i = e.index

        def delf(f):
            obj(f).vals[i] = UNSET
        return delf
    obj = comp.expr(e.obj)
    idx = [comp.expr(i) for i in e.index]

    def delete(f):
        tv = obj(f)
        tv.data.pop(key_of([i(f) for i in idx]), None)
    return delete
