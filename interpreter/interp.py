"""The interpreter: the facade that owns a run's state (globals, module,
reporter) and wires the stages: loader.py reads scripts and hands each
declaration here as soon as it is parsed (parser.py); declare.py executes
it through checker/ and compiler/; the top-level statements are checked
and compiled at the end; runtime/ runs the program.  Builtins are
installed from builtins/ before any script.  The public Python API is
`Interpreter(out=, err=, environ=)`, `.load_sources`, `.run`."""
from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import Optional

from . import memo
from .builtins import builtin_families
from .builtins.registry import BUILTINS, not_supported, unimplemented_builtins
from .checker import Checker, Ctx
from .compiler import Compiler
from .declare import Declarer
from .deferred import GlobalTable
from .errors import ExprError, NoValue, ScriptExit
from .lexer import Lexer
from .loader import Loader
from .parser import parse_tokens, terminal_names
from .render import callee_text, expr_text
from .runtime.runtime import Reporter, Runtime
from .runtime.values import FuncVal
from .scope import FuncScope, GlobalID


# The script every run loads first (language.md §7); the documentation
# tool leaves it out of the pages it writes.
PRELUDE_NAME = "base/init-bare.bro"


OLD_COMM_FATAL = (
    "fatal error: Detected old, deprecated communication system usages that will not "
    "work unless you explicitly take action to initizialize and set up the old comm. "
    "system.  Set the 'old_comm_usage_is_ok' flag to bypass this error if you've taken "
    "such actions, but the suggested solution is to port scripts to use the new Broker API.")

class Interpreter:
    # files of simple declarations are declared on first use (deferred.py);
    # a subclass that must see every declaration as it is read says False
    defer_declarations = True
    # function, event and hook bodies are compiled on their first call
    # (Compiler.lazy_body); False compiles each as it is read
    lazy_bodies = True
    def __init__(self, out=None, err=None, environ=None, memo_key=None, expect=None):
        """`environ`: what getenv/setenv see (bytes to bytes); by default the
        process's own environment.  Each node of a simulated cluster has
        its own, with its own CLUSTER_NODE (cluster.md §5).

        `memo_key`: the start-up memo's key for this run (memo.py); a load
        in which nothing is reported is remembered under it.  `expect`: the
        memo found under it: the load is speculative (bodies checked on
        first call, output held back) and raises memo.Miss at its end if
        it read another program."""
        self.environ = environ if environ is not None else os.environb
        self.memo_key = memo_key
        # bodies compiled as read (lazy_bodies False) are checked as read
        self.expect = expect if self.lazy_bodies else None
        self.program = memo.Program()
        self.held = ()
        if self.expect is not None:
            out = memo.HeldStream(out if out is not None else sys.stdout.buffer)
            err = memo.HeldStream(err if err is not None else sys.stderr)
            self.held = (out, err)
        # the seed file of `-G FILE`; when None, BRO_SEED_FILE of `environ`
        # names it (bifs/core-1.md §3: -G wins)
        self.seed_file: Optional[str] = None
        self.reporter = Reporter(err)
        # remembers declaration order: a deferred declaration sees only the
        # globals declared before it (deferred.GlobalTable)
        self.globals: dict[str, GlobalID] = GlobalTable()
        self.visible_limit: Optional[int] = None
        self.deferred_failed = False        # set by deferred.LazyGlobalID.force
        self.module = "GLOBAL"
        self.exporting = False
        self.current_script = "<prelude>"
        self.top_scope = FuncScope(None, None, "<top-level>")
        self.checker = Checker(self)
        self.runtime = Runtime(self, out, err, site_text=expr_text, callee_text=callee_text)
        self.compiler = Compiler(self)
        self.declarer = Declarer(self)
        self.loader = Loader(self)
        self.body_order = 0
        self.scripts: list = []              # display names, in load order
        # (display, include level) of every file read, for bro_script_loaded
        self.loaded_scripts: list = []
        self.script_levels: dict = {}
        self.script_summaries: dict = {}     # script -> its `##!` lines
        self.script_loads: dict = {}         # script -> scripts it @loads
        self.stmt_module = "GLOBAL"
        self.errors_before_decl = 0
        self.poisoned_before_decl = 0
        self.top_level = None
        self.old_comm_calls: list = []      # locations, see checker/expressions.py OLD_COMM_CALLS
        # events an `event` statement or `schedule` names (Checker.mark_generated)
        self.events_generated: set = set()
        # declarations made on first use (deferred.py): how deeply nested the
        # one being made is, and what waits until the outermost is made
        self.deferred_depth = 0
        self.deferred_bodies: list = []
        self.deferred_made: list = []
        with no_collection(new_run=True), self.speculation():
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
            return bool(self.compiler.expr_once(e)([None]))
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

    # Each kind of declaration is executed by declare.py; these methods are
    # the points the documentation collector (docs/collect.py) hooks into.
    def d_VarDecl(self, d):
        self.declarer.var_decl(d)

    def d_TypeDecl(self, d):
        self.declarer.type_decl(d)

    def d_RedefValue(self, d):
        self.declarer.redef_value(d)

    def d_RedefAttrs(self, d):
        self.declarer.redef_attrs(d)

    def d_RedefEnum(self, d):
        self.declarer.redef_enum(d)

    def d_RedefRecord(self, d):
        self.declarer.redef_record(d)

    def d_FuncDef(self, d):
        self.declarer.func_def(d)

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
        with no_collection(), self.speculation():
            self._load_sources(sources)

    def _load_sources(self, sources):
        toks = self.loader.run(sources)
        if toks:
            stmts = parse_tokens(toks, "stmt_list")
            ctx = Ctx(self.stmt_module, self.top_scope)
            self.errors_before_decl = self.reporter.errors
            self.poisoned_before_decl = self.checker.poisoned
            stmts = self.checker.check_body(stmts, ctx)
            if not self.decl_failed():
                self.top_level = self.compiler.function_body(stmts) if stmts else None
        self._loaded()

    @contextlib.contextmanager
    def speculation(self):
        """Around a speculative load's reading (memo.py): bodies stay
        encoded until their first call, and whatever stops the load (a
        syntax error, exit() in an initialiser: a script changed since the
        memo) is a miss, so that the load is done again as Bro does it and
        its messages come out, nothing of the first attempt."""
        if self.expect is None:
            yield
            return
        with speculating(True):
            try:
                yield
            except memo.Miss:
                raise
            except Exception as ex:
                raise self._miss() from ex

    def _miss(self) -> memo.Miss:
        """The speculative load read another program, or stopped: what it
        held back is dropped, and it is to be done again as read."""
        for stream in self.held:
            stream.drop()
        memo.STATS["miss"] += 1
        return memo.Miss()

    def _loaded(self):
        """The end of loading, for the start-up memo (memo.py)."""
        if self.expect is not None:
            if self.program.digest() != self.expect[0]:
                raise self._miss()
            memo.STATS["hit"] += 1
            self.events_generated.update(self.expect[1])
            for stream in self.held:
                stream.release()
        elif (self.memo_key is not None and not self.reporter.written and not self.deferred_failed
              and not self.old_comm_calls):
            memo.store(self.memo_key, self.program, self.events_generated)

    def run(self):
        if self.old_comm_calls and not self._old_comm_ok():
            # Bro's start-up refusal, before anything runs (bifs/core-3.md §1.4)
            self.reporter.write(OLD_COMM_FATAL)
            raise ScriptExit(1)
        from .builtins.reporter import warn_unused_event_handlers
        warn_unused_event_handlers(self)
        try:
            self.runtime.run(self.top_level)
        finally:
            # the count of warnings left out (runtime.py MAX_SAME_WARNING)
            self.reporter.finish()

    # ------------------------------------------------------------ Python API (pyapi.py)
    def load(self, text: str, name: str = "<api>"):
        """Read Bro source as a script named `name`; a script error raises
        pyapi.BroScriptError with Bro's message, file and line."""
        from . import pyapi
        pyapi.load(self, text, name)
        return self

    def call(self, func: str, *args):
        """Call a Bro function with Python values (converted only where
        exact: TypeError/ValueError otherwise); the events it raises are
        dispatched; its result as a Python value, None without a result type."""
        from . import pyapi
        thunk, rtype = pyapi.prepare_call(self, func, args)
        return pyapi.run(self, thunk, rtype, after=self.runtime.drain)

    def eval(self, expr: str):
        """A Bro expression's value as a Python value."""
        from . import pyapi
        thunk, rtype = pyapi.prepare_eval(self, expr)
        return pyapi.run(self, thunk, rtype, after=self.runtime.drain)

    def get(self, name: str):
        """A global's value as a Python value."""
        from . import pyapi
        return pyapi.get(self, name)

    def ref(self, name: str):
        """A global's own value, to pass back to `call` unchanged."""
        from . import pyapi
        return pyapi.ref(self, name)

    def _old_comm_ok(self) -> bool:
        gid = self.globals.get("old_comm_usage_is_ok")
        return gid is not None and gid.value is True


def is_variadic_stub(ft) -> bool:
    return (ft.kind == "func" and len(ft.params) == 1 and ft.params[0].name == "va_args"
            and ft.params[0].type.kind == "any")


@contextlib.contextmanager
def no_collection(new_run=False):
    """No cycle collection while scripts load, and what loading made is
    frozen out of later collections (gc.freeze).  Loading only grows the
    heap (types, globals, checked trees that live as long as the run), and
    each collection of the oldest generation walked all of it again, during
    loading, during the run and once more at exit: with Bro's init-default
    that was 45% of a warm start.  A new Interpreter gives what an earlier
    one of the process froze back to the collector (tests, the Python API
    make many).  A simulated cluster's boot turns collection off itself and
    freezes each node (cluster/sim.py): then nothing is done here."""
    if not gc.isenabled():
        yield
        return
    if new_run:
        gc.unfreeze()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def speculating(on: bool):
    """While a speculative load reads (memo.py), the function bodies it
    decodes from the script cache stay encoded until their first call
    (astcodec.defer_bodies)."""
    from . import astcodec
    outer = astcodec.defer_bodies[0]
    astcodec.defer_bodies[0] = on
    try:
        yield
    finally:
        astcodec.defer_bodies[0] = outer
