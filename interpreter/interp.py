"""The interpreter: the facade that owns a run's state (globals, module,
reporter) and wires the stages: loader.py reads scripts and hands each
declaration here as soon as it is parsed (parser.py); declare.py executes
it through checker/ and compiler/; the top-level statements are checked
and compiled at the end; runtime/ runs the program.  Builtins are
installed from builtins/ before any script.  The public Python API is
`Interpreter(out=, err=, environ=)`, `.load_sources`, `.run`."""
from __future__ import annotations

import os
from typing import Optional

from .builtins import builtin_families
from .builtins.registry import BUILTINS
from .checker import Checker, Ctx
from .compiler import Compiler
from .declare import Declarer
from .errors import ExprError, NoValue
from .lexer import Lexer
from .loader import Loader
from .parser import parse_tokens, terminal_names
from .render import callee_text, expr_text
from .runtime.runtime import Reporter, Runtime
from .runtime.values import FuncVal
from .scope import FuncScope, GlobalID


PRELUDE = """
type string_vec: vector of string;
type index_vec: vector of count;
type string_set: set[string];
type count_set: set[count];
type addr_set: set[addr];
type string_array: table[count] of string;
type transport_proto: enum { unknown_transport, tcp, udp, icmp };
global bro_init: event();
global bro_done: event();
global net_done: event(t: time);
global bro_script_loaded: event(path: string, level: count);
const exit_only_after_terminate = F &redef;
global peer_description = "bro" &redef;

module Cluster;
export {
	## Bro 2.6's init-bare declares the pool record ahead of the cluster
	## framework (zeekygen.md §3.2); pools.bro completes it.
	type Pool: record {};
}

module Broker;
export {
	type Data: record { data: opaque of Broker::Data &optional; };
	type DataVector: vector of Broker::Data;
	type Event: record { name: string &optional; args: DataVector; };
	type TableItem: record { key: Broker::Data; val: Broker::Data; };
}
module GLOBAL;
"""

# What messages and the documentation call the prelude: it stands for Bro's
# own base/init-bare.bro.
PRELUDE_NAME = "base/init-bare.bro"


class Interpreter:
    def __init__(self, out=None, err=None, environ=None):
        """`environ`: what getenv/setenv see (bytes to bytes); by default the
        process's own environment.  Each node of a simulated cluster has
        its own, with its own CLUSTER_NODE (cluster.md §5)."""
        self.environ = environ if environ is not None else os.environb
        # the seed file of `-G FILE`; when None, BRO_SEED_FILE of `environ`
        # names it (bifs/core-1.md §3: -G wins)
        self.seed_file: Optional[str] = None
        self.reporter = Reporter(err)
        self.globals: dict[str, GlobalID] = {}
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
        self.script_summaries: dict = {}     # script -> its `##!` lines
        self.script_loads: dict = {}         # script -> scripts it @loads
        self.stmt_module = "GLOBAL"
        self.errors_before_decl = 0
        self.poisoned_before_decl = 0
        self.top_level = None
        self.lazy_builtins: dict = {}       # name -> BuiltinSpec, see registry.py
        self._install_builtins()

    # ------------------------------------------------------------ builtins
    def _install_builtins(self):
        builtin_families()
        self.run_text(PRELUDE_NAME, PRELUDE)
        # Zeek's names for the start-up and shutdown events are the same events
        self.globals["zeek_init"] = self.globals["bro_init"]
        self.globals["zeek_done"] = self.globals["bro_done"]
        for name, spec in BUILTINS.items():
            if spec.lazy:
                self.lazy_builtins[name] = spec
            else:
                self.install_builtin(spec)

    def install_builtin(self, spec):
        name = spec.name
        head, rest = spec.signature.split("(", 1)
        lx = Lexer(terminal_names(), None)
        lx.push_file("<builtin>", head.split()[0] + "(" + rest, None)
        te = parse_tokens(list(lx.tokens()), "type")
        module = name.rsplit("::", 1)[0] if "::" in name else "GLOBAL"
        ft = self.checker.resolve_type(te, module)
        gid = GlobalID(name, "func", ft)
        gid.exported = True
        gid.defined = True
        gid.value = FuncVal(name, ft, spec.impl, spec.pure)
        gid.script = "<builtin>"
        self.globals[name] = gid
        return gid

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
            return bool(self.compiler.expr(e)([None]))
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
        toks = self.loader.run(sources)
        if toks:
            stmts = parse_tokens(toks, "stmt_list")
            ctx = Ctx(self.stmt_module, self.top_scope)
            self.errors_before_decl = self.reporter.errors
            self.poisoned_before_decl = self.checker.poisoned
            stmts = self.checker.check_body(stmts, ctx)
            if not self.decl_failed():
                self.top_level = self.compiler.function_body(stmts) if stmts else None

    def run(self):
        self.runtime.run(self.top_level)
