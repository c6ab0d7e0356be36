"""Hot expressions as one Python expression each.

The closure compiler pays a Python call per node.  For the forms that
dominate real scripts (locals, constants, globals, arithmetic, comparisons,
builtin calls, record fields, vector indexing) this module writes a single
Python expression instead and compiles it once with `eval`; any other node
is embedded as a call of its closure.  No script text ever reaches the
generated source: names, constants and closures are passed in through the
environment as `_kN` bindings, and only fixed operator spellings and slot
numbers are written.
"""
from __future__ import annotations

from operator import length_hint

from .. import nodes as N
from ..errors import NoValue, ExprError
from ..render import expr_text
from ..builtins.registry import BUILTINS, NOT_CONST
from ..runtime.runtime import BREAK, NEXT, RETURN, CallContext
from ..runtime.ops import loop_keys, to_any
from ..runtime.values import UNSET, AnyVal, FuncVal, to_int
from ..scope import GlobalID, LocalVar
from ..types import Kind as K
from ..types import Flavor
from ..nodes import Op
from ..scope import IdKind

M64 = 0xFFFFFFFFFFFFFFFF
# the Python spelling of each operator written inline
ARITH = {Op.ADD: "+", Op.SUB: "-", Op.MUL: "*"}
COMPARE = {Op.EQ: "==", Op.NE: "!=", Op.LT: "<", Op.LE: "<=", Op.GT: ">", Op.GE: ">="}


# Python's parser refuses very deep nesting; deeper trees stay closures.
MAX_DEPTH = 60


class TooDeep(Exception):
    pass


def wrap_src(kind: str, x: str) -> str:
    """Python source wrapping the integer x as a count (modulo 2^64) or an
    int (two's complement), as values.to_count/to_int do."""
    if kind == K.COUNT:
        return f"(({x}) & {M64})"
    return f"((({x}) + 0x8000000000000000 & {M64}) - 0x8000000000000000)"


class Gen:
    """Builds the source of one expression tree."""

    def __init__(self, comp):
        self.comp = comp
        self.env = {"_U": UNSET, "_NoValue": NoValue}
        self.n = 0
        self.depth = 0

    def bind(self, value) -> str:
        self.n += 1
        name = f"_k{self.n}"
        self.env[name] = value
        return name

    def closure(self, e) -> str:
        return self.bind(self.comp.closure(e)) + "(f)"

    # ------------------------------------------------------------ nodes
    def src(self, e) -> str:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise TooDeep
        m = getattr(self, "g_" + type(e).__name__, None)
        try:
            if m is not None:
                s = m(e)
                if s is not None:
                    return s
            return self.closure(e)
        finally:
            self.depth -= 1

    def g_Const(self, e):
        v = e.value
        if type(v) in (int, bool) and not isinstance(v, bool):
            return repr(int(v)) if v >= 0 else f"({int(v)})"
        return self.bind(v)

    def g_Name(self, e):
        b = e.binding
        rt = self.comp.rt
        if isinstance(b, LocalVar):
            if e.assigned:
                return f"f[{int(b.slot)}]"
            unset = self.bind(_unset_reporter(rt, e.loc, expr_text(e)))
            return f"(_v if (_v := f[{int(b.slot)}]) is not _U else {unset}())"
        if b.kind in (IdKind.TYPE, IdKind.ENUM):
            return None
        gid = self.bind(b)
        if b.value is not UNSET:
            # a global that holds a value holds one for good: no statement
            # takes it away (a failed assignment leaves the old one)
            return f"{gid}.value"
        unset = self.bind(_unset_reporter(rt, e.loc, b.name))
        return f"(_v if (_v := {gid}.value) is not _U else {unset}())"

    def g_Binary(self, e):
        op = e.op
        lt, rt_ = e.left.type, e.right.type
        t = e.type
        if op in (Op.LAND, Op.LOR):
            py = "and" if op == Op.LAND else "or"
            return f"({self.src(e.left)} {py} {self.src(e.right)})"
        if lt.kind == K.VECTOR or rt_.kind == K.VECTOR or op in (Op.IN, Op.NOT_IN):
            return None
        if op in COMPARE:
            if lt.kind != rt_.kind or lt.kind not in (K.COUNT, K.INT, K.DOUBLE, K.STRING, K.TIME,
                                                       K.INTERVAL, K.PORT, K.BOOL, K.ADDR):
                return None
            return f"({self.src(e.left)} {COMPARE[op]} {self.src(e.right)})"
        if op in ARITH:
            k = t.kind
            a, b = self.src(e.left), self.src(e.right)
            if k in (K.COUNT, K.INT):
                return wrap_src(k, f"{a} {ARITH[op]} {b}")
            if k == K.DOUBLE:
                return f"({a} {ARITH[op]} {b})"
            if k == K.STRING and op == Op.ADD:
                return f"({a} + {b})"
        return None

    def g_Unary(self, e):
        if e.op == Op.NOT:
            return f"(not {self.src(e.operand)})"
        x = e.operand
        if (e.op == Op.SUB and isinstance(x, N.Const) and e.type.kind in (K.COUNT, K.INT)
                and type(x.value) is int):
            return f"({to_int(-x.value)})"      # `-1`: an int constant
        return None

    def g_Coerce(self, e):
        sk, dk = e.operand.type.kind, e.type.kind
        x = self.src(e.operand)
        if sk == K.COUNT and dk == K.INT:
            return f"(_v if (_v := {x}) <= 0x7FFFFFFFFFFFFFFF else _v - 0x10000000000000000)"
        if sk in (K.COUNT, K.INT) and dk == K.DOUBLE:
            return f"float({x})"
        if dk == K.ANY:
            return f"{self.bind(to_any)}({self.bind(e.operand.type)}, {x})"
        return None

    def g_Call(self, e):
        b = e.func.binding if isinstance(e.func, N.Name) else None
        if not (isinstance(b, GlobalID) and isinstance(b.value, FuncVal) and b.value.builtin is not None):
            ft = e.func.type
            if ft.kind != K.FUNC or ft.flavor != Flavor.FUNCTION:
                return None
            # a script function: the function value, then the arguments
            fn = self.src(e.func)
            args = ", ".join(self.src(a) for a in e.args)
            return f"{self.bind(self.comp.rt.call)}({fn}, [{args}], {self.bind(e.loc)}, {self.bind(e)})"
        fv = b.value
        fast = self.specialized(fv, e.args)
        if fast is not None:
            return fast
        if fv.ftype.varargs:
            return None
        if fv.pure is not None:
            return f"{self.bind(fv.pure)}({', '.join(self.src(a) for a in e.args)})"
        impl = self.bind(fv.builtin)
        ctx = self.bind(CallContext(self.comp.rt, e.loc, e))
        args = "".join(", " + self.src(a) for a in e.args)
        return f"{impl}({ctx}{args})"

    def specialized(self, fv, args):
        """A builtin's own version for this call site (registry.builtin's
        `specialize`), called on the arguments' values without `any` boxes."""
        spec = BUILTINS.get(fv.name)
        if spec is None or spec.impl is not fv.builtin or spec.specialize is None:
            return None
        raw = [a.operand if isinstance(a, N.Coerce) and a.type.kind == K.ANY else a for a in args]
        fn = spec.specialize([(r.type, r.value if isinstance(r, N.Const) else NOT_CONST)
                              for r in raw])
        if fn is None:
            return None
        return f"{self.bind(fn)}({', '.join(self.src(r) for r in raw)})"

    def g_FieldExpr(self, e):
        fdecl = e.obj.type.fields[e.field_index]
        if fdecl.attrs.get("&default") is not None:
            return None
        missing = self.bind(_field_missing(e))
        return f"(_v if (_v := {self.src(e.obj)}.vals[{int(e.field_index)}]) is not _U else {missing}())"

    def g_HasField(self, e):
        return f"({self.src(e.obj)}.vals[{int(e.field_index)}] is not _U)"

    def g_Index(self, e):
        if e.obj.type.kind != K.VECTOR or e.index[0].type.kind == K.VECTOR:
            return None
        yt = e.obj.type.yield_
        if yt is None or yt.kind == K.ANY:
            return None         # ops.index_fn gives bare elements their type
        bad = self.bind(_no_such_index(self.comp.rt, e))
        vec, idx = self.src(e.obj), self.src(e.index[0])
        # temporaries named per node: evaluating `vec` may run another index
        self.n += 1
        i, it = f"_i{self.n}", f"_it{self.n}"
        return (f"(_v if 0 <= ({i} := {idx}) < len({it} := {vec}.items) and "
                f"(_v := {it}[{i}]) is not _U else {bad}())")


def _unset_reporter(rt, loc, name):
    def unset():
        rt.error("value used but not set", loc, name)
        raise NoValue
    return unset


def _paying(budget):
    """The items of a loop's snapshot, one step each (ops.for_fn's rate)."""
    def pay(seq, loc):
        for item in seq:
            budget.left -= 1
            if budget.left < 0:
                budget.exceeded(loc)
            yield item
    return pay


def _underflow_reporter(rt, e):
    def underflow():
        rt.error("count underflow", e.loc, expr_text(e))
    return underflow


def _field_missing(e):
    def missing():
        raise ExprError("field value missing", e.loc, expr_text(e))
    return missing


def _no_such_index(rt, e):
    def bad():
        rt.error("no such index", e.loc, expr_text(e))
        raise NoValue
    return bad


_CODE: dict = {}


def _compiled(src: str, mode: str):
    """compile(), once per distinct source in a process: the nodes of a
    --simulate run load the same scripts and generate the same sources, and
    a code object is immutable (each eval/exec makes its own function)."""
    key = (src, mode)
    code = _CODE.get(key)
    if code is None:
        if len(_CODE) > 50000:
            _CODE.clear()
        code = _CODE[key] = compile(src, "<broscript>", mode)
    return code


def compile_expr(comp, e):
    """fn(frame) for expression e: generated source when it pays, else a
    closure (always a closure when MAX_INLINE_NESTING is 0: the switch
    the differential test uses to run the closures alone)."""
    if MAX_INLINE_NESTING <= 0:
        return comp.closure(e)
    gen = Gen(comp)
    m = getattr(gen, "g_" + type(e).__name__, None)
    try:
        s = m(e) if m is not None else None
    except TooDeep:
        s = None
    if s is None:
        return comp.closure(e)
    try:
        return eval(_compiled("lambda f: " + s, "eval"), gen.env)
    except (SyntaxError, RecursionError, MemoryError):
        # Python's own parser limits nesting depth; deep trees stay closures
        return comp.closure(e)


# ---------------------------------------------------------------- statements
def _target_src(gen, target):
    """Python assignment target for a local or global name, else None."""
    if not isinstance(target, N.Name):
        return None
    b = target.binding
    if isinstance(b, LocalVar):
        return f"f[{int(b.slot)}]"
    if isinstance(b, GlobalID) and b.kind not in (IdKind.TYPE, IdKind.ENUM):
        return gen.bind(b) + ".value"
    return None


# ---------------------------------------------------------------- statement lists
# CPython refuses more than 20 statically nested blocks (loops, try); a `for`
# written inline costs two (its try/finally and the loop), a `while` one, and
# a statement inside them one more for its try.  Deeper statements are called
# as closures of their own.
MAX_INLINE_NESTING = 6


# statements whose closures never give a control signal
SIGNAL_FREE = (N.PrintStmt, N.EventStmt, N.ExprStmt, N.LocalStmt, N.AddStmt, N.DeleteStmt)


class BlockGen:
    """One Python function for a whole statement list.  Assignments
    (`=`, and `+=`/`-=` of one arithmetic type), `++`/`--`, local
    initialisers, `if`s, blocks, `return`, `break`, `next`, `while` and `for`
    over vectors, tables and sets are written inline (a loop becomes a Python
    loop, its `break` and `next` Python's `break` and `continue`); every
    other statement is called and its control signal passed on."""

    def __init__(self, comp):
        self.comp = comp
        self.gen = Gen(comp)
        self.lines: list[str] = []
        self.inlined = 0
        self.in_loop = False     # inside a loop written inline
        self.budget = None

    def emit(self, stmts, ind):
        for s in stmts:
            self.stmt(s, ind)

    def stmt(self, s, ind):
        gen = self.gen
        pad = "    " * ind
        if isinstance(s, N.Block):
            self.emit(s.stmts, ind)
            return
        mark = len(self.lines)
        gen.depth = 0
        try:
            if ind < MAX_INLINE_NESTING and self.inline(s, ind, pad):
                self.inlined += 1
                return
        except TooDeep:
            del self.lines[mark:]
        fn = self.comp.stmt(s)
        if fn is None:
            return
        call = f"{gen.bind(fn)}(f)"
        if isinstance(s, SIGNAL_FREE):
            self.lines.append(pad + call)
        elif self.in_loop:
            # what the closure loops do with a body's signal
            self.lines += [f"{pad}_s = {call}", f"{pad}if _s:",
                           f"{pad}    if _s == {RETURN}:", f"{pad}        return _s",
                           f"{pad}    if _s == {BREAK}:", f"{pad}        break",
                           f"{pad}    continue"]
        else:
            self.lines += [f"{pad}_s = {call}", f"{pad}if _s:", f"{pad}    return _s"]

    def inline(self, s, ind, pad) -> bool:
        gen = self.gen
        if isinstance(s, N.ExprStmt) and isinstance(s.expr, N.Assign):
            return self.assign(s.expr, pad)
        if isinstance(s, N.ExprStmt) and isinstance(s.expr, N.Unary) and s.expr.op in (Op.INCR, Op.DECR):
            return self.incdec(s.expr, pad)
        if isinstance(s, N.LocalStmt) and s.init is not None and not (
                s.var.type.kind == K.TABLE and s.checked_attrs.has("&default")):
            self.guarded(f"f[{int(s.var.slot)}] = {gen.src(s.init)}", pad)
            return True
        if isinstance(s, N.IfStmt):
            # a condition without a value runs neither branch (language.md §5.6)
            gen.n += 1
            c = f"_c{gen.n}"
            self.lines += [f"{pad}try:", f"{pad}    {c} = {gen.src(s.cond)}",
                           f"{pad}except _NoValue:", f"{pad}    {c} = _U",
                           f"{pad}if {c} is _U:", f"{pad}    pass", f"{pad}elif {c}:"]
            self.branch(s.then, ind + 1)
            if s.else_ is not None:
                self.lines.append(f"{pad}else:")
                self.branch(s.else_, ind + 1)
            return True
        if isinstance(s, N.ReturnStmt):
            if s.expr is None:
                self.lines.append(f"{pad}return {RETURN}")
            else:
                # a value that fails cancels the statement, not the body
                self.lines += [f"{pad}try:", f"{pad}    f[0] = {gen.src(s.expr)}",
                               f"{pad}except _NoValue:", f"{pad}    pass",
                               f"{pad}else:", f"{pad}    return {RETURN}"]
            return True
        if isinstance(s, (N.BreakStmt, N.NextStmt)):
            if self.in_loop:
                self.lines.append(pad + ("break" if isinstance(s, N.BreakStmt) else "continue"))
            else:
                self.lines.append(f"{pad}return {BREAK if isinstance(s, N.BreakStmt) else NEXT}")
            return True
        if isinstance(s, N.ForStmt):
            return self.for_loop(s, ind, pad)
        if isinstance(s, N.WhileStmt):
            gen.n += 1
            c = f"_c{gen.n}"
            self.lines += [f"{pad}while True:"]
            self.step(s, pad + "    ")
            self.lines += [f"{pad}    try:", f"{pad}        {c} = {gen.src(s.cond)}",
                           f"{pad}    except _NoValue:", f"{pad}        break",
                           f"{pad}    if not {c}:", f"{pad}        break"]
            self.loop_body(s.body, ind + 1)
            return True
        return False

    def assign(self, e, pad) -> bool:
        """`x = e`, and `x += e` / `x -= e` of one arithmetic type (or
        strings), on a local or global name."""
        gen = self.gen
        target = _target_src(gen, e.target)
        if target is None:
            return False
        if e.op == Op.ASSIGN:
            value = e.value
        else:
            k = e.target.type.kind
            if e.op not in (Op.ADD_TO, Op.REMOVE_FROM) or e.value.type.kind != k or not (
                    k in (K.COUNT, K.INT, K.DOUBLE) or (k == K.STRING and e.op == Op.ADD_TO)):
                return False
            value = N.Binary(e.loc, Op(e.op[0]), e.target, e.value, type=e.target.type)
        self.guarded(f"{target} = {gen.src(value)}", pad)
        return True

    def incdec(self, e, pad) -> bool:
        """`++x` / `--x` on a local or global count or int."""
        gen = self.gen
        k = e.operand.type.kind
        target = _target_src(gen, e.operand)
        if target is None or k not in (K.COUNT, K.INT):
            return False
        gen.n += 1
        n = f"_n{gen.n}"
        step = "+ 1" if e.op == Op.INCR else "- 1"
        lines = [f"{n} = {gen.src(e.operand)} {step}"]
        if k == K.COUNT and e.op == Op.DECR:
            under = gen.bind(_underflow_reporter(self.comp.rt, e))
            lines += [f"if {n} < 0:", f"    {under}()"]
        lines.append(f"{target} = {wrap_src(k, n)}")
        self.lines.append(f"{pad}try:")
        self.lines += [f"{pad}    {line}" for line in lines]
        self.lines += [f"{pad}except _NoValue:", f"{pad}    pass"]
        return True

    def for_loop(self, s, ind, pad) -> bool:
        """`for` over a vector, or a table or set with one index, as a Python
        loop over the same snapshot the closure loop takes (ops.for_fn)."""
        gen = self.gen
        k = s.expr.type.kind
        if len(s.slots) != 1 or k not in (K.VECTOR, K.TABLE):
            return False
        gen.n += 1
        seq = f"_l{gen.n}"
        x = gen.src(s.expr)
        # (Python refuses `:=` in a comprehension's iterable: name it first)
        if k == K.VECTOR:
            # without holes the indices are a range (the list holds no
            # value with an __eq__ of its own, so `in` tests identity)
            take = (f"range(len({seq}.items)) if _U not in {seq}.items else "
                    f"[_i for _i, _it in enumerate({seq}.items) if _it is not _U]")
        else:
            take = f"{gen.bind(loop_keys)}({seq}, {gen.bind(s.expr.type)})"
        # A loop over a snapshot pays its steps when it starts, and gets back
        # those of the iterations it does not run, however it is left (the
        # iterator's length hint).  A budget that cannot pay for the whole
        # loop is paid an item at a time, so the limit stops it where the
        # closure loop would.
        it, b = f"_it{gen.n}", self.budget_name()
        loc = gen.bind(s.loc)
        self.lines += [f"{pad}try:", f"{pad}    {seq} = {x}", f"{pad}    {seq} = {take}",
                       f"{pad}except _NoValue:", f"{pad}    {seq} = ()",
                       f"{pad}{it} = iter({seq})",
                       f"{pad}{b}.left -= len({seq})",
                       f"{pad}if {b}.left < 0:",
                       f"{pad}    {b}.left += len({seq})",
                       f"{pad}    {it} = {gen.bind(_paying(self.comp.rt.budget))}({seq}, {loc})",
                       f"{pad}try:",
                       f"{pad}    for f[{int(s.slots[0].slot)}] in {it}:"]
        self.loop_body(s.body, ind + 2)
        self.lines += [f"{pad}finally:", f"{pad}    {b}.left += {gen.bind(length_hint)}({it})"]
        return True

    def budget_name(self) -> str:
        if self.budget is None:
            self.budget = self.gen.bind(self.comp.rt.budget)
        return self.budget

    def step(self, s, pad):
        """One step of --max-steps per iteration, as the closure loops pay."""
        b = self.budget_name()
        loc = self.gen.bind(s.loc)
        self.lines += [f"{pad}{b}.left -= 1", f"{pad}if {b}.left < 0:", f"{pad}    {b}.exceeded({loc})"]

    def loop_body(self, body, ind):
        outer, self.in_loop = self.in_loop, True
        try:
            self.stmt(body, ind)
        finally:
            self.in_loop = outer

    def branch(self, s, ind):
        """One arm of an `if`."""
        mark = len(self.lines)
        self.stmt(s, ind)
        if len(self.lines) == mark:
            self.lines.append("    " * ind + "pass")

    def guarded(self, code, pad):
        self.lines += [f"{pad}try:", f"{pad}    {code}", f"{pad}except _NoValue:", f"{pad}    pass"]


def compile_block(comp, stmts):
    """fn(frame) -> control signal or None for a statement list, or None
    when nothing in it can be written inline (the caller chains closures)."""
    bg = BlockGen(comp)
    bg.emit(stmts, 1)
    if not bg.inlined:
        return None
    src = "def _block(f):\n" + "\n".join(bg.lines) + "\n    return None\n"
    try:
        exec(_compiled(src, "exec"), bg.gen.env)
    except (SyntaxError, RecursionError, MemoryError):
        return None
    return bg.gen.env["_block"]
