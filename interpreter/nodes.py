"""AST dataclasses.  Every node has a `loc` (errors.Loc).

The checker fills in `type` on expressions (and a few resolved fields); the
compiler reads them.  Field names follow the Bro construct they model.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Optional

from .errors import Loc


class Op(StrEnum):
    """The operators of Unary, Binary, Assign and Cast nodes (language.md
    §1.7).  The parser writes their spellings; the checker turns them into
    members, which still compare equal to the spellings."""
    ADD = "+"
    SUB = "-"
    MUL = "*"
    DIV = "/"
    MOD = "%"
    AND = "&"
    OR = "|"
    XOR = "^"
    LAND = "&&"
    LOR = "||"
    NOT = "!"
    COMPL = "~"
    INCR = "++"
    DECR = "--"
    EQ = "=="
    NE = "!="
    LT = "<"
    LE = "<="
    GT = ">"
    GE = ">="
    IN = "in"
    NOT_IN = "!in"
    ASSIGN = "="
    ADD_TO = "+="
    REMOVE_FROM = "-="
    AS = "as"
    IS = "is"


@dataclass(eq=False)
class Node:
    loc: Loc


# ------------------------------------------------------------------ types
@dataclass(eq=False)
class TypeExpr(Node):
    kind: str                       # simple name, "table", "set", "vector", ...
    args: list = field(default_factory=list)
    yield_: Any = None
    fields: list = field(default_factory=list)
    name: Optional[str] = None      # named_type / opaque name
    params: Any = None              # ParamList for function/event/hook types


@dataclass(eq=False)
class AttrNode(Node):
    name: str
    expr: Any = None


@dataclass(eq=False)
class FieldDecl(Node):
    name: str
    type: TypeExpr
    attrs: list
    docs: list = field(default_factory=list)


@dataclass(eq=False)
class EnumItem(Node):
    name: str
    value: Optional[int]
    docs: list = field(default_factory=list)
    deprecated: bool = False        # `GREEN &deprecated`


@dataclass(eq=False)
class ParamNode(Node):
    name: str
    type: TypeExpr
    attrs: list


@dataclass(eq=False)
class ParamList(Node):
    params: list
    varargs: bool = False
    ret: Any = None                 # TypeExpr or None


# ------------------------------------------------------------------ declarations
@dataclass(eq=False)
class Decl(Node):
    docs: list = field(default_factory=list, kw_only=True)


@dataclass(eq=False)
class ModuleDecl(Decl):
    name: str


@dataclass(eq=False)
class ExportDecl(Decl):
    decls: list


@dataclass(eq=False)
class VarDecl(Decl):
    kind: str                       # global | const | option | local
    name: str
    type: Optional[TypeExpr]
    init_op: Optional[str]
    init: Any
    attrs: list


@dataclass(eq=False)
class TypeDecl(Decl):
    name: str
    type: TypeExpr
    attrs: list


@dataclass(eq=False)
class RedefValue(Decl):
    name: str
    op: str
    init: Any
    attrs: list


@dataclass(eq=False)
class RedefAttrs(Decl):
    name: str
    attrs: list


@dataclass(eq=False)
class RedefEnum(Decl):
    name: str
    items: list


@dataclass(eq=False)
class RedefRecord(Decl):
    name: str
    fields: list
    attrs: list


@dataclass(eq=False)
class FuncDef(Decl):
    flavor: str
    name: str
    params: ParamList
    attrs: list
    body: list
    redef: bool = False
    body_loc: Any = None


# ------------------------------------------------------------------ statements
@dataclass(eq=False)
class Stmt(Node):
    pass


@dataclass(eq=False)
class PrintStmt(Stmt):
    exprs: list


@dataclass(eq=False)
class EventStmt(Stmt):
    name: str
    args: list
    # checker -> compiler: the event's global (declared or implicit)
    gid: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class IfStmt(Stmt):
    cond: Any
    then: Any
    else_: Any = None


@dataclass(eq=False)
class SwitchStmt(Stmt):
    expr: Any
    cases: list
    # `switch ( e )`: Bro's messages describe the statement with the
    # parentheses as written (Expr::Describe of a parenthesised expression)
    paren: bool = field(default=True, kw_only=True)


@dataclass(eq=False)
class Case(Node):
    values: Optional[list]          # expressions, or None for type cases / default
    types: Optional[list]           # [(TypeExpr, name or None)]
    body: list
    default: bool = False


@dataclass(eq=False)
class ForStmt(Stmt):
    vars: list
    expr: Any
    body: Any
    # checker -> compiler: the LocalVars the loop variables are bound to
    slots: list = field(default_factory=list, kw_only=True)


@dataclass(eq=False)
class WhileStmt(Stmt):
    cond: Any
    body: Any


@dataclass(eq=False)
class NextStmt(Stmt):
    pass


@dataclass(eq=False)
class BreakStmt(Stmt):
    pass


@dataclass(eq=False)
class FallthroughStmt(Stmt):
    pass


@dataclass(eq=False)
class ReturnStmt(Stmt):
    expr: Any = None


@dataclass(eq=False)
class AddStmt(Stmt):
    expr: Any


@dataclass(eq=False)
class DeleteStmt(Stmt):
    expr: Any


@dataclass(eq=False)
class LocalStmt(Stmt):
    kind: str                       # local | const
    name: str
    type: Optional[TypeExpr]
    init_op: Optional[str]
    init: Any
    attrs: list
    # checker -> compiler: the LocalVar and the checked attributes (types.Attrs)
    var: Any = field(default=None, kw_only=True)
    checked_attrs: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class WhenStmt(Stmt):
    cond: Any
    body: Any
    timeout: Any = None
    timeout_body: Any = None
    is_return: bool = False


@dataclass(eq=False)
class Block(Stmt):
    stmts: list


@dataclass(eq=False)
class ExprStmt(Stmt):
    expr: Any


@dataclass(eq=False)
class NullStmt(Stmt):
    pass


# ------------------------------------------------------------------ expressions
@dataclass(eq=False)
class Expr(Node):
    type: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class Name(Expr):
    name: str
    binding: Any = field(default=None, kw_only=True)
    # a local's name as messages show it: in module M it is M::x (language.md
    # §3.1, values.md §7.1); globals show their GlobalID's full name
    full: str = field(default="", kw_only=True)
    # compiler/assigned.py -> both back ends: a read of a local that every
    # path to it has given a value (no unset check needed)
    assigned: bool = field(default=False, kw_only=True)


@dataclass(eq=False)
class Const(Expr):
    """A literal; `value` is already the runtime value, `type` its type."""
    value: Any
    text: str = ""


@dataclass(eq=False)
class PatternLit(Expr):
    source: str
    icase: bool


@dataclass(eq=False)
class Unary(Expr):
    op: str
    operand: Any


@dataclass(eq=False)
class Binary(Expr):
    op: str
    left: Any
    right: Any
    # with a vector operand: the operation on one pair of elements, as the
    # checker typed it (values.md §4.1); its operands only stand for elements
    elem: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class Assign(Expr):
    op: str                         # = += -=
    target: Any
    value: Any


@dataclass(eq=False)
class Cond(Expr):
    cond: Any
    then: Any
    else_: Any


@dataclass(eq=False)
class HookCall(Expr):
    call: Any


@dataclass(eq=False)
class FieldExpr(Expr):
    obj: Any
    field: str
    # checker -> compiler: the field's position in the record type
    field_index: int = field(default=-1, kw_only=True)


@dataclass(eq=False)
class HasField(Expr):
    obj: Any
    field: str
    field_index: int = field(default=-1, kw_only=True)


@dataclass(eq=False)
class Index(Expr):
    obj: Any
    index: list


@dataclass(eq=False)
class Slice(Expr):
    obj: Any
    lo: Any
    hi: Any


@dataclass(eq=False)
class Call(Expr):
    func: Any
    args: list


@dataclass(eq=False)
class Size(Expr):
    operand: Any


@dataclass(eq=False)
class Copy(Expr):
    operand: Any


@dataclass(eq=False)
class ListExpr(Expr):
    """`[a, b]`: a record constructor when every item is `$f=e`, else an index list."""
    items: list


@dataclass(eq=False)
class FieldAssign(Expr):
    field: str
    value: Any


@dataclass(eq=False)
class Ctor(Expr):
    kind: str                       # record | table | set | vector
    items: list
    attrs: list = field(default_factory=list)
    ctype: Any = field(default=None, kw_only=True)   # a named type: MyRec(...)
    # checker -> compiler: the checked attributes (types.Attrs) of a table/set
    checked_attrs: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class Lambda(Expr):
    params: ParamList
    body: list
    infer_ret: bool = False         # `$f(params) = { body }`: from the first `return e`
    # checker -> compiler: the body's scope (its slots and aggregate inits)
    scope: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class Cast(Expr):
    op: str                         # as | is
    operand: Any
    target: TypeExpr
    # checker -> compiler: `target` resolved
    target_type: Any = field(default=None, kw_only=True)


@dataclass(eq=False)
class Schedule(Expr):
    when: Any
    event: str
    args: list


@dataclass(eq=False)
class InitList(Expr):
    """`{ a, b }` on the right of a declaration or redef."""
    items: list
    # checker -> compiler, for a table or set: [(index exprs, value expr or None)]
    table_items: list = field(default_factory=list, kw_only=True)


@dataclass(eq=False)
class Coerce(Expr):
    """Inserted by the checker: convert `operand` to `type`."""
    operand: Any
    # a parameter default the checker filled in: messages show it as
    # `(coerce 0 to int)`, as Bro's call text does (bifs/strings-reporter-misc.md §1.1)
    shown: bool = False
