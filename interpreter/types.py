"""Bro types: base types, enums, records, tables/sets, vectors, functions.

Types are plain objects compared with `same_type` (structural, as Bro's
Type.cc same_type) except enums, which are nominal.  Named types keep their
name in `.name` so messages and docs can show it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Optional

# Type tags as in Bro 2.6 src/Type.h; hashing.md §3 writes them into fnv1a32 input.
TAGS = {
    "void": 0, "bool": 1, "int": 2, "count": 3, "counter": 4, "double": 5,
    "time": 6, "interval": 7, "string": 8, "pattern": 9, "enum": 10,
    "timer": 11, "port": 12, "addr": 13, "subnet": 14, "any": 15,
    "table": 16, "union": 17, "record": 18, "list": 19, "func": 20,
    "file": 21, "vector": 22, "opaque": 23, "type": 24, "error": 25,
}


class Kind(StrEnum):
    """What kind of type a Type is.  A StrEnum: a kind prints, formats and
    hashes as its Bro name ("count", "table"), so messages and tables keyed
    by name need no conversion."""
    VOID = "void"
    BOOL = "bool"
    INT = "int"
    COUNT = "count"
    DOUBLE = "double"
    TIME = "time"
    INTERVAL = "interval"
    STRING = "string"
    PATTERN = "pattern"
    PORT = "port"
    ADDR = "addr"
    SUBNET = "subnet"
    ANY = "any"
    TIMER = "timer"
    ERROR = "error"
    ENUM = "enum"
    RECORD = "record"
    TABLE = "table"
    VECTOR = "vector"
    FUNC = "func"
    FILE = "file"
    OPAQUE = "opaque"
    TYPE = "type"
    LIST = "list"


class Flavor(StrEnum):
    """A function type's flavor (language.md §2.6)."""
    FUNCTION = "function"
    EVENT = "event"
    HOOK = "hook"


class Type:
    kind: Kind
    name: Optional[str] = None       # set for named types (type X: ...)

    @property
    def tag(self) -> int:
        return TAGS[self.kind]

    def is_arith(self) -> bool:
        return self.kind in (Kind.COUNT, Kind.INT, Kind.DOUBLE)

    def is_integral(self) -> bool:
        return self.kind in (Kind.COUNT, Kind.INT)

    def __repr__(self) -> str:
        return f"<{type_name(self)}>"


class BaseType(Type):
    def __init__(self, kind: str):
        self.kind = Kind(kind)


VOID = BaseType("void")
BOOL = BaseType("bool")
INT = BaseType("int")
COUNT = BaseType("count")
DOUBLE = BaseType("double")
TIME = BaseType("time")
INTERVAL = BaseType("interval")
STRING = BaseType("string")
PATTERN = BaseType("pattern")
PORT = BaseType("port")
ADDR = BaseType("addr")
SUBNET = BaseType("subnet")
ANY = BaseType("any")
TIMER = BaseType("timer")
ERROR = BaseType("error")

BASE_TYPES = {t.kind: t for t in (BOOL, INT, COUNT, DOUBLE, TIME, INTERVAL, STRING,
                                  PATTERN, PORT, ADDR, SUBNET, ANY, TIMER)}
BASE_TYPES["counter"] = COUNT   # values.md §2.2: counter is an alias of count


class EnumType(Type):
    kind = Kind.ENUM

    def __init__(self, name: Optional[str] = None):
        self.name = name
        self.values: dict[str, "Any"] = {}   # full name -> EnumVal, in order
        self.next_num = 0
        self.explicit: Optional[bool] = None

    def add(self, val):
        """Add an enumerator: a runtime.values.EnumVal made by the checker
        (types describe values; they do not make them)."""
        self.values[val.name] = val
        self.next_num = val.num + 1
        return val

    def by_num(self, num: int):
        for v in self.values.values():
            if v.num == num:
                return v
        return None


@dataclass
class Attr:
    name: str                 # "&default", "&optional", ...
    expr: Any = None          # checked expression node or None
    loc: Any = None
    # the checker found an error in `expr`: it is never compiled and has no
    # value (the run ends with status 1 after parsing)
    in_error: bool = False


class Attrs:
    """An ordered attribute list; &default implies &optional (language.md §2.4.2)."""

    def __init__(self, attrs=()):
        self.items: list[Attr] = []
        for a in attrs:
            self.add(a)

    def add(self, a: Attr):
        # Bro's AddAttr: &redef and &optional are simply appended (even twice);
        # any other attribute replaces one of its kind (zeekygen.md §5.3)
        if a.name not in ("&redef", "&optional"):
            self.items = [x for x in self.items if x.name != a.name]
        self.items.append(a)
        if a.name == "&default" and not self.has("&optional"):
            self.items.append(Attr("&optional", None, a.loc))

    def has(self, name: str) -> bool:
        return any(a.name == name for a in self.items)

    def get(self, name: str) -> Optional[Attr]:
        for a in self.items:
            if a.name == name:
                return a
        return None

    def __iter__(self):
        return iter(self.items)

    def __bool__(self):
        return bool(self.items)


@dataclass
class Field:
    name: str
    type: Type
    attrs: Attrs = field(default_factory=Attrs)
    doc: list = field(default_factory=list)
    loc: Any = None

    @property
    def optional(self) -> bool:
        return self.attrs.has("&optional")


class RecordType(Type):
    kind = Kind.RECORD

    def __init__(self, fields: list[Field], name: Optional[str] = None):
        self.name = name
        self.fields: list[Field] = []
        self.index: dict[str, int] = {}
        # `type R: record {...} &log;` logs the fields declared there, not
        # those a later `redef record` adds (bifs/logging-input.md §1.3)
        self.log_upto = 0
        for f in fields:
            self.add_field(f)

    def add_field(self, f: Field):
        self.index[f.name] = len(self.fields)
        self.fields.append(f)

    def field(self, name: str) -> Optional[Field]:
        i = self.index.get(name)
        return None if i is None else self.fields[i]


class TableType(Type):
    """table[indices] of yield_, or a set when yield_ is None.

    `indices is None` marks the "unspecified" type of an empty `table()`/`set()`
    constructor that adopts whatever type it meets (language.md §4.1).
    """
    kind = Kind.TABLE

    def __init__(self, indices: Optional[list[Type]], yield_: Optional[Type], name=None):
        self.indices = indices
        self.yield_ = yield_
        self.name = name

    @property
    def is_set(self) -> bool:
        return self.yield_ is None

    @property
    def unspecified(self) -> bool:
        return self.indices is None


class VectorType(Type):
    kind = Kind.VECTOR

    def __init__(self, yield_: Optional[Type], name=None):
        self.yield_ = yield_         # None: unspecified `vector()`
        self.name = name

    @property
    def unspecified(self) -> bool:
        return self.yield_ is None


@dataclass
class Param:
    name: str
    type: Type
    attrs: Attrs = field(default_factory=Attrs)


class FuncType(Type):
    kind = Kind.FUNC

    def __init__(self, flavor: str, params: list[Param], ret: Optional[Type], name=None):
        self.flavor = Flavor(flavor)
        self.params = params
        self.ret = ret               # None: void (events; hooks yield bool)
        self.name = name
        self.varargs = False         # builtins such as fmt(...) take any number

    @property
    def yield_(self):
        return self.ret


class FileType(Type):
    kind = Kind.FILE

    def __init__(self, yield_: Type, name=None):
        self.yield_ = yield_
        self.name = name


class OpaqueType(Type):
    kind = Kind.OPAQUE

    def __init__(self, oname: str, name=None):
        self.oname = oname
        self.name = name


class TypeType(Type):
    """The type of a type name used as a value (`type_name(MyRec)`)."""
    kind = Kind.TYPE

    def __init__(self, t: Type):
        self.t = t


class ListType(Type):
    """An index list `[a, b]`; only appears while checking."""
    kind = Kind.LIST

    def __init__(self, types: list[Type]):
        self.types = types


def type_name(t: Type, _stack: list | None = None) -> str:
    """`type_name()` text, values.md §1.5.

    A record that reaches itself (a field `f: function(r: R)` added by
    `redef record R`, language.md §2.4) would describe forever: as Bro's
    ODesc does, a record puts itself on a stack while its fields are
    written, and a field or parameter whose type is on the stack is
    written `<recursion>`."""
    k = t.kind
    if k == Kind.TABLE:
        if t.indices is None:
            return "table[] of any" if t.yield_ is not None else "set[]"
        idx = ",".join(type_name(i, _stack) for i in t.indices)
        if t.is_set:
            return f"set[{idx}]"
        return f"table[{idx}] of {type_name(t.yield_, _stack)}"
    if k == Kind.VECTOR:
        return "vector of " + (type_name(t.yield_, _stack) if t.yield_ else "any")
    if k == Kind.RECORD:
        stack = [] if _stack is None else _stack
        stack.append(t)
        text = "record { " + " ".join(f"{f.name}:{_member(f.type, stack)};"
                                      for f in t.fields) + " }"
        stack.pop()
        return text
    if k == Kind.FUNC:
        params = "".join(f"{p.name}:{_member(p.type, _stack)}; " for p in t.params).rstrip(" ")
        if t.flavor == Flavor.FUNCTION:
            ret = type_name(t.ret, _stack) if t.ret is not None else "void"
            return f"function({params}) : {ret}"
        return f"{t.flavor}({params})"
    if k == Kind.FILE:
        return "file of " + type_name(t.yield_, _stack)
    if k == Kind.OPAQUE:
        return "opaque of " + t.oname
    if k == Kind.TYPE:
        return type_name(t.t, _stack)
    if k == Kind.LIST:
        return ",".join(type_name(x, _stack) for x in t.types)
    return k


def _member(t: Type, stack: list | None) -> str:
    """A record field's or function parameter's type (Bro's DescribeFields)."""
    if stack is None:
        return type_name(t)
    if any(x is t for x in stack):
        return "<recursion>"
    stack.append(t)
    text = type_name(t, stack)
    stack.pop()
    return text


def same_type(a: Type, b: Type) -> bool:
    if a is b:
        return True
    if a.kind != b.kind:
        return False
    k = a.kind
    if k == Kind.ENUM:
        # Bro 2.6's same_type() takes any enum for any other ("FIXME ...
        # return true per default"): Bro's files/main.bro handles
        # get_file_handle(tag: Files::Tag, ...), which event.bif declares
        # with Analyzer::Tag, and indexes a table[Analyzer::Tag] with it
        return True
    if k == Kind.TABLE:
        if a.indices is None or b.indices is None:
            return True
        if len(a.indices) != len(b.indices) or a.is_set != b.is_set:
            return False
        if not all(same_type(x, y) for x, y in zip(a.indices, b.indices)):
            return False
        return a.is_set or same_type(a.yield_, b.yield_)
    if k == Kind.VECTOR:
        if a.yield_ is None or b.yield_ is None:
            return True
        return same_type(a.yield_, b.yield_)
    if k == Kind.RECORD:
        if len(a.fields) != len(b.fields):
            return False
        pair = (id(a), id(b))
        if pair in _COMPARING:
            # two records that reach themselves: equal unless some other
            # part differs (the comparison in progress decides)
            return True
        _COMPARING.add(pair)
        try:
            return all(f.name == g.name and same_type(f.type, g.type)
                       for f, g in zip(a.fields, b.fields))
        finally:
            _COMPARING.discard(pair)
    if k == Kind.FUNC:
        if a.flavor != b.flavor or len(a.params) != len(b.params):
            return False
        if (a.ret is None) != (b.ret is None):
            # Bro's same_type() lets `any` match every type, also a
            # function's missing (void) yield: `function(p: string): any`
            # takes `function(p: string) { }` (Log::default_ext_func)
            if not ((a.ret is not None and a.ret.kind == "any") or (b.ret is not None and b.ret.kind == "any")):
                return False
            return all(_same_or_any(p.type, q.type) for p, q in zip(a.params, b.params))
        if a.ret is not None and not _same_or_any(a.ret, b.ret):
            return False
        # so a `function(rec: any): bool` field takes `function(rec: Info): bool`
        # (Log::Filter$pred, $path_func, $ext_func; bifs/logging-input.md §1.5)
        return all(_same_or_any(p.type, q.type) for p, q in zip(a.params, b.params))
    if k == Kind.FILE:
        return same_type(a.yield_, b.yield_)
    if k == Kind.OPAQUE:
        return a.oname == b.oname
    if k == Kind.LIST:
        return len(a.types) == len(b.types) and all(same_type(x, y) for x, y in zip(a.types, b.types))
    return True


_COMPARING: set = set()


def _same_or_any(a: Type, b: Type) -> bool:
    """same_type() of Bro 2.6, where `any` on either side matches, for the
    parts of a function type."""
    return a.kind == "any" or b.kind == "any" or same_type(a, b)


def max_arith(a: Type, b: Type) -> Type:
    """The promoted type of two arithmetic operands (values.md §4.1)."""
    order = {"count": 0, "int": 1, "double": 2}
    return a if order[a.kind] >= order[b.kind] else b
