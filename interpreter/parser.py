"""Tokens -> AST: the grammar's LALR tables (Lark computes them, once; the
script cache keeps them), the driver of lalr.py, and ToAST, the method that
builds each grammar rule's node.  parse_tokens looks declarations up in the
script cache (cache.py) first."""
from __future__ import annotations

import os

import functools
import hashlib
import weakref

from . import cache, lalr
from . import nodes as N
from .errors import BroSyntaxError, Loc, FILES, LINE_BITS
from .lexer import TerminalNames, file_keys, file_texts
from .literals import literal_value

START = ["file", "decl", "stmt_list", "expr", "type"]


def grammar_text() -> str:
    # found as importlib found the package (importlib.resources would
    # import a dozen modules more into every start)
    from importlib.util import find_spec
    spec = find_spec("broscript.grammar")
    if spec is not None and spec.submodule_search_locations:
        for d in spec.submodule_search_locations:
            path = os.path.join(d, "bro.lark")
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as fh:
                    return fh.read()
    from importlib import resources
    return resources.files("broscript.grammar").joinpath("bro.lark").read_text()


@functools.lru_cache(maxsize=1)
def lark_parser():
    from lark import Lark
    # cache=True stores the analysed tables keyed by the grammar's hash, so a
    # start-up does not rebuild the LALR tables.
    return Lark(grammar_text(), parser="lalr", lexer="basic", start=START,
                propagate_positions=True, maybe_placeholders=True,
                keep_all_tokens=True, cache=True)


@functools.lru_cache(maxsize=1)
def terminal_names() -> TerminalNames:
    return TerminalNames(_tables().data[5])


def parse_tokens(tokens, start: str, end_loc: Loc = None):
    """Parse a list of BroTokens from rule `start` and return AST node(s).

    A declaration (or the top-level statements) read from one script file
    is looked up in the script cache first (cache.py): the AST is a function
    of the tokens alone, so their digest is the key."""
    if not isinstance(tokens, list):
        tokens = list(tokens)
    if tokens and start in _CACHED_STARTS and cache.active():
        return _parse_cached(tokens, start, end_loc)
    return _lalr(tokens, start, end_loc)


# declarations and top-level statements of script files; types: the
# signatures of the builtins, parsed by every Interpreter (every node)
_CACHED_STARTS = ("decl", "stmt_list", "type")


def _parse_cached(tokens, start, end_loc):
    # not imported above: --parse-only never uses the cache
    from . import astcodec
    fid = tokens[0].line >> LINE_BITS
    if any(t.line >> LINE_BITS != fid for t in tokens):
        return _lalr(tokens, start, end_loc)
    text = file_texts.get(fid)
    if text is None:
        if start != "type" or not FILES[fid].startswith("<"):
            return _lalr(tokens, start, end_loc)
        # a builtin's signature: no file, the digest is the whole key
        text = FILES[fid]
    known = file_keys.get(fid)
    if known is None or known[0] is not text:
        known = file_keys[fid] = (text, cache.file_key(text))
    fkey = known[1]
    digest = astcodec.token_digest(start, tokens)
    entry = cache.decls_of(fkey)
    enc = entry.get(digest)
    if enc is not None:
        try:
            return astcodec.decoder(FILES[fid])(enc)
        except Exception:
            # only an entry we wrote ourselves gets here (HMAC), but one
            # that does not decode is rebuilt, never trusted
            pass
    ast = _lalr(tokens, start, end_loc)
    try:
        enc = astcodec.encode(ast, fid)
    except astcodec.Unencodable:
        return ast
    cache.store_decl(fkey, digest, enc)
    return ast


_TABLES = None


def _tables() -> lalr.Tables:
    global _TABLES
    if _TABLES is None:
        data = cache.parser_tables(_built_tables)
        _TABLES = lalr.Tables(data, ToAST())
    return _TABLES


def tables_key() -> str:
    """What the tables are made from: the grammar, in lalr.analyse's form
    (tests/test_parse_fast.py checks that the shipped tables are that
    function's output, state numbers aside)."""
    h = hashlib.sha256(f"{lalr.TABLES_FORM}/".encode())
    h.update(grammar_text().encode())
    return h.hexdigest()


def _built_tables():
    """The tables shipped beside the grammar (broscript.grammar.tables,
    written by tools/make_parse_tables.py) when they were made from this
    grammar; else Lark's, analysed now.  Lark takes a tenth of a second to
    load and to make them: a start with no script cache pays it only when
    the shipped ones are stale (tests/test_parse_fast.py fails then)."""
    try:
        from .grammar import tables as shipped
    except ImportError:
        shipped = None
    if shipped is not None and getattr(shipped, "KEY", None) == tables_key():
        return shipped.DATA
    return lalr.analyse(lark_parser())


def write_tables(path: str):
    """Write Lark's analysed tables as broscript.grammar.tables (`path`),
    a line per state."""
    actions, gotos, rules, start, end, names = lalr.analyse(lark_parser())

    def line(d):
        return repr(dict(sorted(d.items())))
    out = ['"""The LALR tables of bro.lark as parser.py reads them (lalr.analyse):',
           'generated by tools/make_parse_tables.py, do not edit.  KEY is',
           'parser.tables_key() of the grammar they were made from."""',
           f"KEY = {tables_key()!r}", "", "# (actions, gotos) of each state", "STATES = ["]
    out += [f"    ({line(a)}, {line(g)})," for a, g in zip(actions, gotos)]
    out += ["]", "", "RULES = ["]
    out += [f"    {r!r}," for r in rules]
    out += ["]", "", f"START = {line(start)}", f"END = {line(end)}", f"NAMES = {line(names)}", "",
            "DATA = ([a for a, _ in STATES], [g for _, g in STATES], RULES, START, END, NAMES)", ""]
    with open(path, "w") as fh:
        fh.write("\n".join(out))


def _lalr(tokens, start, end_loc):
    return lalr.run(_tables(), tokens, start,
                    lambda toks, i, tok: _raise_syntax(toks, i, tok, end_loc))


def _raise_syntax(tokens, i, tok, end_loc):
    seen = tokens[:i + 1]
    newer = newer_zeek_feature(seen)
    if newer is not None:
        raise BroSyntaxError(f"not supported by broscript: {newer}",
                             Loc.from_lines(seen[-1].line)) from None
    if tok is None:
        tok = _EndToken(tokens[-1].line if tokens else 1)
    raise syntax_error(tok, end_loc) from None


class _EndToken:
    """What Lark's feed_eof reported: `$END` at the last token's line."""
    type = "$END"
    value = ""

    def __init__(self, line):
        self.line = line


def newer_zeek_feature(seen):
    """Name the newer-Zeek construct a syntax error stopped at, if it is one
    we know; Bro 2.6 itself would only say "syntax error"."""
    if not seen:
        return None
    vals = [str(t.value) if not isinstance(t.value, tuple) else "" for t in seen[-4:]]
    last = vals[-1]
    if len(vals) >= 4 and vals[-4:-2] == ["for", "("] and seen[-2].type == "NAME" and last == ",":
        return "for-loop over keys and values (Zeek 3.0 'for ( k, v in t )')"
    if len(vals) >= 2 and vals[-2] == "when" and last == "[":
        return "capture list in 'when' (Zeek 4.2)"
    if seen[0].value == "assert" or (len(seen) >= 2 and seen[-2].value == "assert"):
        return "'assert' statement (Zeek 6.0)"
    return None


def syntax_error(tok, end_loc: Loc = None) -> BroSyntaxError:
    if tok is None or tok.type == "$END":
        loc = end_loc
        if tok is not None and getattr(tok, "line", None):
            loc = Loc.from_lines(tok.line)
        return BroSyntaxError("syntax error, at end of file", loc)
    text = tok.value
    if tok.type == "PATTERN_LIT":
        text = "/" + text[0] + "/"
    return BroSyntaxError(f'syntax error, at or near "{text}"', Loc.from_lines(tok.line))


_LIT_WHAT = {"ADDR_LIT": "IP address", "SUBNET_LIT": "subnet", "PORT_LIT": "port",
             "INTERVAL_LIT": "interval", "DOUBLE_LIT": "double", "COUNT_LIT": "count"}


def tok_loc(tok) -> Loc:
    return Loc.from_lines(tok.line)


def _docs(tok):
    return list(tok.docs) if getattr(tok, "docs", None) else []


# expressions written in parentheses, while their statement is being built
_PARENS: "weakref.WeakSet" = weakref.WeakSet()


class ToAST:
    """Grammar rule -> nodes.py dataclass, called by `_lalr` as each rule is
    reduced: `loc` is the Loc of the rule's lines (None for no token), `c`
    the rule's children."""

    # ------------------------------------------------------------ top level
    def file(self, loc, c):
        return c

    def stmt_list(self, loc, c):
        return c

    def module_decl(self, loc, c):
        return N.ModuleDecl(loc, str(c[1]), docs=_docs(c[0]))

    def export_decl(self, loc, c):
        return N.ExportDecl(loc, [x for x in c if isinstance(x, N.Node)])

    def _var(self, kind, loc, c):
        kw, name, type_, init, attrs, _semi = c
        op, value = init
        docs = _docs(kw) + _docs(name)
        return N.VarDecl(loc, kind, str(name), type_, op, value, attrs,
                         docs=docs)

    def global_decl(self, loc, c):
        return self._var("global", loc, c)

    def const_decl(self, loc, c):
        return self._var("const", loc, c)

    def option_decl(self, loc, c):
        return self._var("option", loc, c)

    def type_opt(self, loc, c):
        return c[1] if c and c[0] is not None else None

    def init_opt(self, loc, c):
        if c[0] is None:
            return (None, None)
        return (str(c[0]), c[1])

    def init_bare(self, loc, c):
        # Bro's INIT_NONE with an initialiser: ID::SetVal treats it as INIT_FULL
        return ("=", c[0])

    def init_op(self, loc, c):
        return str(c[0])

    def init_list_empty(self, loc, c):
        return N.InitList(loc, [])

    def init_list(self, loc, c):
        return N.InitList(loc, c[1])

    def init_items(self, loc, c):
        items = [c[0]]
        if len(c) == 3:
            items += c[2]
        return items

    def type_decl(self, loc, c):
        kw, name, _colon, type_, attrs, _semi = c
        return N.TypeDecl(loc, str(name), type_, attrs, docs=_docs(kw) + _docs(name))

    def redef_value(self, loc, c):
        kw, name, op, init, attrs, _ = c
        return N.RedefValue(loc, str(name), op, init, attrs, docs=_docs(kw))

    def redef_attrs(self, loc, c):
        kw, name, attrs, _ = c
        return N.RedefAttrs(loc, str(name), attrs, docs=_docs(kw))

    def redef_index(self, loc, c):
        # `redef t[k] = v;` behaves like `redef t += { [k] = v };` (language.md §2.5)
        kw, name, _lb, idx, _rb, _eq, value, _ = c
        entry = N.Assign(loc, "=", N.ListExpr(loc, idx), value)
        return N.RedefValue(loc, str(name), "+=", N.InitList(loc, [entry]), [], docs=_docs(kw))

    def redef_enum(self, loc, c):
        return N.RedefEnum(loc, str(c[2]), c[5], docs=_docs(c[0]))

    def redef_record(self, loc, c):
        fields = [x for x in c[5:] if isinstance(x, N.FieldDecl)]
        attrs = c[-2]
        return N.RedefRecord(loc, str(c[2]), fields, attrs, docs=_docs(c[0]))

    def redef_func(self, loc, c):
        fd = self._func(loc, c[1], c[2], c[3])
        fd.redef = True
        fd.docs = _docs(c[0]) + fd.docs
        return fd

    def func_def(self, loc, c):
        return self._func(loc, c[0], c[1], c[2])

    def _func(self, loc, head, attrs, body):
        flavor, name, params, docs = head
        stmts, body_loc = body
        return N.FuncDef(loc, flavor, name, params, attrs, stmts,
                         docs=docs, body_loc=body_loc)

    def func_head_function(self, loc, c):
        return ("function", str(c[1]), c[2], _docs(c[0]) + _docs(c[1]))

    def func_head_event(self, loc, c):
        return ("event", str(c[1]), self._plist(loc, c[3]), _docs(c[0]) + _docs(c[1]))

    def func_head_hook(self, loc, c):
        return ("hook", str(c[1]), self._plist(loc, c[3]), _docs(c[0]) + _docs(c[1]))

    def _plist(self, loc, params, ret=None):
        if params is None:
            return N.ParamList(loc, [], False, ret)
        plist = params
        plist.ret = ret
        return plist

    def func_params(self, loc, c):
        # "(" [params] ")" [":" type]
        params = c[1]
        ret = c[4] if len(c) > 4 else None
        return self._plist(loc, params, ret)

    def params(self, loc, c):
        return N.ParamList(loc, [x for x in c if isinstance(x, N.ParamNode)])

    def params_varargs(self, loc, c):
        return N.ParamList(loc, [x for x in c if isinstance(x, N.ParamNode)], True)

    def param(self, loc, c):
        return N.ParamNode(loc, str(c[0]), c[2], c[3])

    def body(self, loc, c):
        return ([x for x in c if isinstance(x, N.Node)], loc)

    # ------------------------------------------------------------ types
    def simple_type(self, loc, c):
        return N.TypeExpr(loc, str(c[0]))

    def named_type(self, loc, c):
        return N.TypeExpr(loc, "named", name=str(c[0]))

    def table_type(self, loc, c):
        return N.TypeExpr(loc, "table", args=c[2], yield_=c[5])

    def set_type(self, loc, c):
        return N.TypeExpr(loc, "set", args=c[2])

    def vector_type(self, loc, c):
        return N.TypeExpr(loc, "vector", yield_=c[2])

    def record_type(self, loc, c):
        return N.TypeExpr(loc, "record",
                          fields=[x for x in c if isinstance(x, N.FieldDecl)])

    def enum_type(self, loc, c):
        return N.TypeExpr(loc, "enum", args=c[2])

    def function_type(self, loc, c):
        return N.TypeExpr(loc, "function", params=c[1])

    def event_type(self, loc, c):
        return N.TypeExpr(loc, "event", params=self._plist(loc, c[2]))

    def hook_type(self, loc, c):
        return N.TypeExpr(loc, "hook", params=self._plist(loc, c[2]))

    def file_type(self, loc, c):
        return N.TypeExpr(loc, "file", yield_=c[2] if len(c) > 2 else None)

    def opaque_type(self, loc, c):
        return N.TypeExpr(loc, "opaque", name=str(c[2]))

    def list_type(self, loc, c):
        return N.TypeExpr(loc, "list", yield_=c[2])

    def union_type(self, loc, c):
        return N.TypeExpr(loc, "union", args=c[2])

    def type_list(self, loc, c):
        return [x for x in c if isinstance(x, N.TypeExpr)]

    def field(self, loc, c):
        name = c[0]
        docs = _docs(name)
        semi = c[4]
        post = (getattr(semi, "post_docs", None) or []) + (getattr(name, "post_docs", None) or [])
        return N.FieldDecl(loc, str(name), c[2], c[3], docs + [("<", d) for d in post])

    def enum_items(self, loc, c):
        items = [x for x in c if isinstance(x, N.EnumItem)]
        # `##<` after the comma belongs to the item before it
        for i, x in enumerate(c):
            if isinstance(x, N.EnumItem):
                last = x
            elif x is not None and getattr(x, "post_docs", None) and i > 0:
                last.docs.extend(("<", d) for d in x.post_docs)
        return items

    def enum_item(self, loc, c):
        name = c[0]
        val = int(literal_value(c[2])[0]) if len(c) > 2 and c[2] is not None else None
        docs = _docs(name) + [("<", d) for d in (getattr(name, "post_docs", None) or [])]
        if len(c) > 2 and c[2] is not None and getattr(c[2], "post_docs", None):
            docs += [("<", d) for d in c[2].post_docs]
        item = N.EnumItem(loc, str(name), val, docs)
        attr = c[3] if len(c) > 3 else None
        if attr is not None:
            # an enumerator takes &deprecated and no other attribute
            if str(attr) != "&deprecated":
                raise syntax_error(attr)
            item.deprecated = True
        return item

    def attrs(self, loc, c):
        return c

    def attr(self, loc, c):
        expr = c[2] if len(c) > 2 else None
        return N.AttrNode(loc, str(c[0]), expr)

    # ------------------------------------------------------------ statements
    def print_stmt(self, loc, c):
        return N.PrintStmt(loc, c[1])

    def event_stmt(self, loc, c):
        return N.EventStmt(loc, str(c[1]), c[3] or [])

    def if_stmt(self, loc, c):
        return N.IfStmt(loc, c[2], c[4])

    def if_else_stmt(self, loc, c):
        return N.IfStmt(loc, c[2], c[4], c[6])

    def switch_stmt(self, loc, c):
        return N.SwitchStmt(loc, c[1], [x for x in c[3:] if isinstance(x, N.Case)],
                            paren=c[1] in _PARENS)

    def case_values(self, loc, c):
        return N.Case(loc, c[1], None, [x for x in c[3:] if isinstance(x, N.Node)])

    def case_types(self, loc, c):
        types = [x for x in c if isinstance(x, tuple)]
        body = [x for x in c if isinstance(x, N.Node)]
        return N.Case(loc, None, types, body)

    def case_default(self, loc, c):
        return N.Case(loc, None, None, [x for x in c if isinstance(x, N.Node)], True)

    def type_case(self, loc, c):
        return (c[1], str(c[3]) if len(c) > 3 and c[3] is not None else None)

    def for_stmt(self, loc, c):
        return N.ForStmt(loc, [str(c[2])], c[4], c[6])

    def for_multi_stmt(self, loc, c):
        names = [str(x) for x in c if getattr(x, "type", None) == "NAME"]
        exprs = [x for x in c if isinstance(x, N.Node)]
        return N.ForStmt(loc, names, exprs[0], exprs[1])

    def while_stmt(self, loc, c):
        return N.WhileStmt(loc, c[2], c[4])

    def next_stmt(self, loc, c):
        return N.NextStmt(loc)

    def break_stmt(self, loc, c):
        return N.BreakStmt(loc)

    def fallthrough_stmt(self, loc, c):
        return N.FallthroughStmt(loc)

    def return_stmt(self, loc, c):
        return N.ReturnStmt(loc, c[1] if len(c) > 2 else None)

    def return_when(self, loc, c):
        w = c[1]
        w.is_return = True
        return w

    def add_stmt(self, loc, c):
        return N.AddStmt(loc, c[1])

    def delete_stmt(self, loc, c):
        return N.DeleteStmt(loc, c[1])

    def local_stmt(self, loc, c):
        op, value = c[3]
        return N.LocalStmt(loc, "local", str(c[1]), c[2], op, value, c[4])

    def const_stmt(self, loc, c):
        op, value = c[3]
        return N.LocalStmt(loc, "const", str(c[1]), c[2], op, value, c[4])

    def when_stmt(self, loc, c):
        to = c[5] if len(c) > 5 else None
        return N.WhenStmt(loc, c[2], c[4],
                          to[0] if to else None, to[1] if to else None)

    def when_timeout(self, loc, c):
        return (c[1], [x for x in c[3:] if isinstance(x, N.Node)])

    def when_local(self, loc, c):
        # Bro's `local x = e` condition declares x (bifs/core-3.md §1.3)
        return N.LocalStmt(loc, "local", str(c[1]), c[2], "=", c[4], [])

    def block(self, loc, c):
        return N.Block(loc, [x for x in c if isinstance(x, N.Node)])

    def expr_stmt(self, loc, c):
        return N.ExprStmt(loc, c[0])

    def null_stmt(self, loc, c):
        return N.NullStmt(loc)

    # ------------------------------------------------------------ expressions
    def expr_list(self, loc, c):
        return [x for x in c if isinstance(x, N.Node)]

    def _bin(op):
        def f(self, loc, c):
            return N.Binary(loc, op, c[0], c[2])
        return f

    or_ = _bin("||")
    and_ = _bin("&&")
    eq = _bin("==")
    ne = _bin("!=")
    lt = _bin("<")
    le = _bin("<=")
    gt = _bin(">")
    ge = _bin(">=")
    in_ = _bin("in")
    not_in = _bin("!in")
    bit_or = _bin("|")
    bit_xor = _bin("^")
    bit_and = _bin("&")
    add = _bin("+")
    sub = _bin("-")
    mul = _bin("*")
    div = _bin("/")
    mod = _bin("%")

    def _un(op):
        def f(self, loc, c):
            return N.Unary(loc, op, c[1])
        return f

    incr = _un("++")
    decr = _un("--")
    not_ = _un("!")
    compl = _un("~")
    neg = _un("-")
    pos = _un("+")

    def assign(self, loc, c):
        return N.Assign(loc, "=", c[0], c[2])

    def add_assign(self, loc, c):
        return N.Assign(loc, "+=", c[0], c[2])

    def sub_assign(self, loc, c):
        return N.Assign(loc, "-=", c[0], c[2])

    def cond(self, loc, c):
        return N.Cond(loc, c[0], c[2], c[4])

    def hook_call(self, loc, c):
        return N.HookCall(loc, c[1])

    def as_(self, loc, c):
        return N.Cast(loc, "as", c[0], c[2])

    def is_(self, loc, c):
        return N.Cast(loc, "is", c[0], c[2])

    def field_access(self, loc, c):
        return N.FieldExpr(loc, c[0], str(c[2]))

    def has_field(self, loc, c):
        return N.HasField(loc, c[0], str(c[2]))

    def index(self, loc, c):
        return N.Index(loc, c[0], c[2])

    def slice(self, loc, c):
        return N.Slice(loc, c[0], c[2], c[4])

    def call(self, loc, c):
        args = c[2] if len(c) > 3 else []
        return N.Call(loc, c[0], args)

    def name(self, loc, c):
        return N.Name(loc, str(c[0]))

    def _lit(self, loc, c):
        try:
            value, type_ = literal_value(c[0])
        except ValueError:
            # e.g. an octet above 255 (Bro's scanner: "bad IP address")
            raise BroSyntaxError(f"bad {_LIT_WHAT.get(c[0].type, 'literal')}: {c[0]}",
                                 loc) from None
        return N.Const(loc, value, str(c[0]) if not isinstance(c[0].value, tuple) else "", type=type_)

    count_lit = double_lit = interval_lit = port_lit = addr_lit = subnet_lit = _lit
    string_lit = bool_lit = hostname_lit = _lit

    def pattern_lit(self, loc, c):
        src, icase = c[0].value
        return N.PatternLit(loc, src, icase)

    def paren(self, loc, c):
        _PARENS.add(c[1])
        return c[1]

    def size(self, loc, c):
        return N.Size(loc, c[1])

    def copy(self, loc, c):
        return N.Copy(loc, c[2])

    def bracket(self, loc, c):
        items = c[1] if len(c) > 2 else []
        return N.ListExpr(loc, items)

    def record_ctor(self, loc, c):
        return N.Ctor(loc, "record", c[2] or [])

    def table_ctor(self, loc, c):
        return N.Ctor(loc, "table", c[2] or [], c[4])

    def set_ctor(self, loc, c):
        return N.Ctor(loc, "set", c[2] or [], c[4])

    def vector_ctor(self, loc, c):
        return N.Ctor(loc, "vector", c[2] or [])

    def field_assign(self, loc, c):
        return N.FieldAssign(loc, str(c[1]), c[3])

    def field_lambda(self, loc, c):
        stmts, _ = c[4]
        return N.FieldAssign(loc, str(c[1]), N.Lambda(loc, c[2], stmts, True))

    def lambda_(self, loc, c):
        stmts, _ = c[2]
        return N.Lambda(loc, c[1], stmts)

    def schedule(self, loc, c):
        return N.Schedule(loc, c[1], str(c[3]), c[5] or [])
