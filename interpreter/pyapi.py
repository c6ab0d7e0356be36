"""The Python API of one interpreter: load Bro source, call its functions,
evaluate expressions, read its globals.  `Interpreter.load/call/eval/get/ref`
are these functions; cluster/api.py's NodeHandle adds a cluster around them.

Python values cross in both directions through cluster/values_py.py, which
converts only where the conversion is exact (TypeError/ValueError naming
the argument and its Bro type otherwise).  A script error raises
BroScriptError, which carries what Bro printed: its kind, message, file and
line; the messages also go to the interpreter's stderr as in a script run.
"""
from __future__ import annotations

import re
from contextlib import contextmanager

from .errors import BroError, ExprError, Loc, NoValue, ScriptExit

# "kind in FILE, line N: message" / "kind in FILE, lines N-M: message" /
# "kind: message" (language.md §6.1)
_LINE = re.compile(r"(?P<kind>fatal error|expression error|runtime error|internal error|error|"
                   r"warning)(?: in (?P<file>.*?), lines? (?P<line>\d+)(?:-(?P<end>\d+))?)?: "
                   r"(?P<msg>.*)\Z", re.S)


class BroScriptError(BroError):
    """A script error met through the Python API.  `kind`, `msg` and `loc`
    (`loc.file`, `loc.line`; None when Bro names no place) are those of the
    first error Bro printed, str() is that line as Bro prints it, and
    `lines` every message printed meanwhile."""

    def __init__(self, lines, fallback: str = "the script failed"):
        if isinstance(lines, str):
            lines = lines.splitlines()
        lines = [l.rstrip("\n") for l in lines if l.strip()] or [f"error: {fallback}"]
        errors = [l for l in lines if not l.startswith("warning")]
        first = errors[0] if errors else lines[-1]
        m = _LINE.match(first)
        if m is None:
            super().__init__(first)
        else:
            loc = None
            if m["file"] is not None:
                loc = Loc(m["file"], int(m["line"]), int(m["end"] or 0))
            super().__init__(m["msg"], loc, m["kind"])
        self.lines = lines


class _Tee:
    """The reporter's stream, also keeping each line written."""

    def __init__(self, inner):
        self.inner = inner
        self.lines: list[str] = []

    def write(self, s):
        self.lines.append(s)
        return self.inner.write(s)

    def flush(self):
        self.inner.flush()


@contextmanager
def messages(interp):
    """What the interpreter prints while the block runs (it still prints it)."""
    rep = interp.reporter
    old = rep.err
    tee = rep.err = _Tee(old)
    try:
        yield tee.lines
    finally:
        rep.err = old


def load(interp, text: str, name: str = "<api>"):
    """Read Bro source as a script named `name`: its declarations take effect
    and its top-level statements become the ones `run()` executes."""
    before = interp.reporter.errors
    with messages(interp) as lines:
        try:
            interp.load_sources([(name, text, None)])
        except BroError as ex:
            interp.reporter.write(ex.render())      # as a script run prints it
            raise BroScriptError(lines) from None
    if interp.reporter.errors > before:
        raise BroScriptError(lines)


def lookup(interp, name: str):
    gid = interp.globals.get(name)
    if gid is None:
        raise KeyError(f"no global {name!r}")
    return gid


def get(interp, name: str):
    """A global's value as a Python value (None while it has none)."""
    from .cluster.values_py import to_py
    gid = lookup(interp, name)
    return to_py(gid.type, gid.value) if gid.type is not None else None


def ref(interp, name: str):
    """A global's own value (not a copy), to pass back into `call`."""
    from .cluster.values_py import BroValue
    gid = lookup(interp, name)
    return BroValue(gid.type, gid.value, interp)


def prepare_call(interp, func: str, args):
    """(thunk, result type) of a call of `func` with Python `args`; argument
    mistakes are TypeError/ValueError, raised before anything runs."""
    from .cluster.values_py import from_py
    gid = lookup(interp, func)
    ft = gid.type
    if ft is None or ft.kind != "func":
        raise TypeError(f"{func} is not a function")
    if ft.flavor != "function":
        raise TypeError(f"{func} is {'an' if ft.flavor == 'event' else 'a'} {ft.flavor}, "
                        f"not a function")
    params = ft.params
    if len(args) > len(params) and not ft.varargs:
        raise TypeError(f"{func}() takes {_n(len(params))}, got {len(args)}")
    vals = [from_py(p.type, a, interp, f"{func}(): argument {p.name}")
            for p, a in zip(params, args)]
    if ft.varargs:
        # the `...` of fmt, cat and the like: each value travels with its type
        from . import types as T
        vals += [from_py(T.ANY, a, interp, f"{func}(): argument {i + 1}")
                 for i, a in enumerate(args[len(params):], len(params))]
    missing = [p for p in params[len(vals):] if p.attrs.get("&default") is None]
    if missing:
        raise TypeError(f"{func}() takes {_n(len(params))}, got {len(args)} "
                        f"(no value for {', '.join(p.name for p in missing)})")
    defaults = [p.attrs.get("&default").expr for p in params[len(vals):]]

    def thunk():
        full = vals + [interp.compiler.expr(d)([None]) for d in defaults]
        return interp.runtime.call(gid.value, full, None, None)
    return thunk, ft.ret


def _n(k: int) -> str:
    return "1 argument" if k == 1 else f"{k} arguments"


def prepare_eval(interp, expr: str):
    """(thunk, type) of a Bro expression, checked as in a function body of
    module GLOBAL; a checking error raises BroScriptError."""
    from .checker import Ctx
    from .lexer import Lexer
    from .parser import parse_tokens, terminal_names
    from .scope import FuncScope
    before = interp.reporter.errors
    with messages(interp) as lines:
        try:
            lx = Lexer(terminal_names(), None)
            lx.push_file("<api>", expr, None)
            tree = parse_tokens(list(lx.tokens()), "expr")
            scope = FuncScope("function", None, "<api>")
            e = interp.checker.check_expr(tree, Ctx("GLOBAL", scope))
        except BroError as ex:
            interp.reporter.write(ex.render())
            raise BroScriptError(lines) from None
    if interp.reporter.errors != before:
        # a mistake in an API expression does not make a later run fail
        interp.reporter.errors = before
        raise BroScriptError(lines)
    fn = interp.compiler.expr(e)
    frame = [None] * scope.nslots
    return (lambda: fn(frame)), e.type


def run(interp, thunk, rtype, after=None, on_exit=None):
    """Run a prepared call or expression; its result as a Python value (None
    for a function without a result type); script errors as BroScriptError.
    `after()` runs once the thunk returned (a node delivers its messages);
    `on_exit(status)` when the script ended its process (exit(), a fatal
    error)."""
    from .cluster.values_py import to_py
    with messages(interp) as lines:
        try:
            v = thunk()
        except ExprError as ex:
            interp.runtime.expr_error(ex)
            raise BroScriptError(lines) from None
        except NoValue:
            # a non-void function that returned nothing: Bro's warning says so
            raise BroScriptError(lines, "the expression has no value") from None
        except ScriptExit as ex:
            if on_exit is not None:
                on_exit(ex.code)
            raise BroScriptError(lines, f"the script called exit({ex.code})") from None
        except BroError as ex:
            interp.reporter.write(ex.render())
            if on_exit is not None:
                on_exit(1)
            raise BroScriptError(lines) from None
        if after is not None:
            after()
    return None if rtype is None or rtype.kind == "void" else to_py(rtype, v)
