"""Identifiers and scopes: what a name is bound to (language.md §3)."""
from __future__ import annotations

from enum import StrEnum
from typing import Any, Optional

from . import types as T
from .runtime.values import UNSET


class IdKind(StrEnum):
    """What a name is bound to: a global's kind, or a local's."""
    GLOBAL = "global"
    CONST = "const"
    OPTION = "option"
    TYPE = "type"
    FUNC = "func"
    ENUM = "enum"
    LOCAL = "local"
    PARAM = "param"


class GlobalID:
    """A global identifier: variable, constant, option, type, function, enum constant."""
    __slots__ = ("name", "type", "kind", "value", "attrs", "exported", "loc",
                 "docs", "script", "defined", "deprecated", "redefs", "implicit")

    def __init__(self, name: str, kind: str, type_: Optional[T.Type] = None, loc=None):
        self.name = name            # full name: x, Cluster::node
        self.kind = IdKind(kind)    # global const option type func enum
        self.type = type_
        self.value: Any = UNSET
        self.attrs = T.Attrs()
        self.exported = False
        self.loc = loc
        self.docs: list = []
        self.script: Optional[str] = None
        self.defined = False        # a function body was given
        self.deprecated = False
        self.redefs: list = []      # (script, loc, docs) for docs
        self.implicit = False       # an event only raised so far, never declared

    @property
    def module(self) -> str:
        return self.name.rsplit("::", 1)[0] if "::" in self.name else "GLOBAL"

    @property
    def is_const(self) -> bool:
        return self.kind in (IdKind.CONST, IdKind.ENUM) or (self.kind == IdKind.FUNC and self.defined)

    def __repr__(self):
        return f"GlobalID({self.name})"


class LocalVar:
    __slots__ = ("name", "type", "slot", "kind")

    def __init__(self, name: str, type_: T.Type, slot: int, kind: str = "local"):
        self.name = name
        self.type = type_
        self.slot = slot
        self.kind = IdKind(kind)    # param | local | const


class FuncScope:
    """Locals of one body: function-scoped (language.md §3.5), bound to slots.

    Slot 0 of every frame holds the return value.
    """

    def __init__(self, flavor: str, ret: Optional[T.Type], name: str = ""):
        self.flavor = flavor
        self.ret = ret
        self.name = name
        self.vars: dict[str, LocalVar] = {}
        self.nslots = 1
        self.aggregate_inits: list[LocalVar] = []   # created empty at body start
        # the function type whose return type the first `return e` decides
        # (a `$f(params) = { body }` field function, language.md §1.8)
        self.infer_ret: Optional[T.FuncType] = None

    def add(self, name: str, type_: T.Type, kind: str = "local") -> LocalVar:
        v = LocalVar(name, type_, self.nslots, kind)
        self.nslots += 1
        self.vars[name] = v
        return v

    def get(self, name: str) -> Optional[LocalVar]:
        return self.vars.get(name)
