"""Types, attributes and values as reStructuredText (zeekygen.md §5.2-§5.5),
written into a `Desc` so that indentation follows Bro's lazy rule.

Values here are rendered the way Bro's `Val::Describe` renders them into a
documentation buffer, which is not any of the three contexts of
runtime/describe.py: strings are quoted, and tables indent with the
buffer's own unit.  Scalars other than strings print exactly as in the
print statement, so they are taken from describe.py.
"""
from __future__ import annotations

from .. import nodes as N
from ..runtime.describe import describe, escape_print
from ..runtime.values import UNSET, AnyVal, RecordVal, TableVal, VectorVal
from ..scope import GlobalID
from .desc import Desc

# Internal types (Type.cc base_type): "other" values get a `::` block,
# "void" ones (any, void) no :Default: at all, the rest an inline literal.
OTHER_KINDS = {"record", "table", "vector", "pattern", "file", "opaque", "func",
               "type", "timer", "list", "union"}
VOID_KINDS = {"void", "any"}


def is_atomic(t) -> bool:
    return t.kind not in OTHER_KINDS and t.kind not in VOID_KINDS


# --------------------------------------------------------------------------
# types (§5.2)

class TypeWriter:
    """Types into a Desc; record field comments come from `index`."""

    def __init__(self, index):
        self.index = index

    def ref(self, d: Desc, t) -> None:
        """"Use the name if there is one", else the structure."""
        if t.name:
            d.add(":bro:type:`")
            d.add(t.name)
            d.add("`")
        else:
            self.structure(d, t)

    def structure(self, d: Desc, t) -> None:
        k = t.kind
        if k == "table":
            d.add(":bro:type:`")
            d.add("set" if t.is_set else "table")
            d.add("` ")
            d.add("[")
            for i, it in enumerate(t.indices or ()):
                if i:
                    d.add(", ")
                self.ref(d, it)
            d.add("]")
            if not t.is_set:
                d.add(" of ")
                self.ref(d, t.yield_)
        elif k == "vector":
            d.add(":bro:type:`vector` of ")
            if t.yield_ is not None:
                self.ref(d, t.yield_)
            else:
                d.add(":bro:type:`any`")
        elif k == "opaque":
            d.add(":bro:type:`opaque` of ")
            d.add(t.oname)
        elif k == "func":
            self.function(d, t)
        elif k == "record":
            d.add(":bro:type:`record`")
            if t.fields:
                d.nl()
                self.fields(d, t)
        elif k == "enum":
            self.enum(d, t)
        else:
            d.add(":bro:type:`")
            d.add(k)
            d.add("`")

    def function(self, d: Desc, t) -> None:
        d.add(":bro:type:`")
        d.add(t.flavor)
        d.add("`")
        d.add(" (")
        if t.varargs and not t.params:
            d.add("...")
        for i, p in enumerate(t.params):
            if i:
                d.add(", ")
            d.add(p.name)
            d.add(": ")
            self.ref(d, p.type)
            if p.attrs:
                d.sp()
                self.attrs(d, p.attrs)
        d.add(")")
        ret = t.ret
        if ret is None and t.flavor == "function":
            d.add(" :")
            d.sp()
            d.add(":bro:type:`void`")
        elif ret is not None and t.flavor != "event":
            d.add(" :")
            d.sp()
            self.ref(d, ret)

    def fields(self, d: Desc, t) -> None:
        """The field block of a record type (§5.5), entered at level 1."""
        owner = self.index.type_id(t)
        owner_script = self.index.owner(owner) if owner is not None else ""
        d.push()
        for i, f in enumerate(t.fields):
            if i:
                d.nl()
                d.nl()
            d.add(f.name)
            d.add(": ")
            self.ref(d, f.type)
            if f.attrs:
                d.sp()
                self.attrs(d, f.attrs)
            if owner is None:
                # Bro finds field comments through the type's name only
                continue
            fscript = self.index.field_script(f)
            if fscript and fscript != owner_script:
                d.push()
                d.add(f"(present if :doc:`/scripts/{fscript}` is loaded)")
                d.pop()
            lines = self.index.field_comments(f)
            if not lines:
                continue
            d.push()
            for j, c in enumerate(lines):
                if j:
                    d.nl()
                if f.type.kind == "func":
                    c, changed = prettify_param(c)
                    if changed:
                        d.nl()
                d.add(c)
            d.pop_no_nl()
        d.pop_no_nl()

    def enum(self, d: Desc, t) -> None:
        """EnumType::DescribeReST: one `.. bro:enum:: NAME TYPE` per value
        in ascending numeric order, at level 2 after a blank line; its
        `(present if ...)` note on the next line and its comments after a
        blank line, both at level 3.  zeekygen.md §5.2 names only the
        directive; this layout is Bro 2.6's Type.cc, as in its btest
        baseline doc.broxygen.enums."""
        d.add(":bro:type:`enum`")
        by_num = {}
        for name in sorted(t.values):
            by_num[t.values[name].num] = name
        type_gid = self.index.type_id(t)
        type_script = self.index.owner(type_gid) if type_gid is not None else ""
        for num in sorted(by_num):
            name = by_num[num]
            d.nl()
            d.push()
            d.add(".. bro:enum:: ")
            d.add(name)
            d.sp()
            d.add(t.name or "")
            gid = self.index.globals.get(name)
            if gid is None or not self.index.documented(gid):
                d.pop_no_nl()
                continue
            escript = self.index.owner(gid)
            if escript and escript != type_script:
                d.nl()
                d.push_only()
                d.add(f"(present if :doc:`/scripts/{escript}` is loaded)")
                d.pop_no_nl()
            for j, c in enumerate(self.index.comments(gid)):
                if j == 0:
                    d.nl()
                d.nl()
                d.push_only()
                d.add(c)
                d.pop_no_nl()
            d.pop_no_nl()

    # ------------------------------------------------------------ attributes (§5.3)
    def attrs(self, d: Desc, attrs) -> None:
        for i, a in enumerate(attrs):
            if i:
                d.add(" ")
            d.add(":bro:attr:`")
            d.add(a.name)
            d.add("`")
            if a.expr is not None:
                d.sp()
                d.add("=")
                d.sp()
                self.attr_expr(d, a)

    def attr_expr(self, d: Desc, a) -> None:
        e = a.expr
        if isinstance(e, N.Name) and isinstance(e.binding, GlobalID) and e.binding.kind != "enum":
            d.add(":bro:see:`")
            d.add(e.binding.name)
            d.add("`")
        elif e.type is not None and e.type.kind == "func":
            d.add(":bro:type:`")
            d.add(e.type.flavor)
            d.add("`")
        elif isinstance(e, N.Const) or (isinstance(e, N.Name) and isinstance(e.binding, GlobalID)):
            # enum names in expressions are constants (parse.y turns them
            # into constant expressions)
            value = e.value if isinstance(e, N.Const) else e.binding.value
            d.add("``")
            write_value(d, e.type, value)
            d.add("``")
        else:
            v = evaluate(self.index.interp, a)
            fresh = Desc(0, quotes=False)
            write_value(fresh, e.type, v)
            d.add("``")
            d.add(fresh.text().replace("\n", " "))
            d.add("``")


def evaluate(interp, attr):
    """An attribute expression's value, evaluated now (after all scripts
    are loaded, before bro_init)."""
    fn = interp.compiler.records.attr_fn(attr)
    return fn([None])


# --------------------------------------------------------------------------
# function comments (§5.6)

def prettify_param(line: str) -> tuple[str, bool]:
    """utils.cc prettify_params: `name:` -> `:name:`, `Returns:` -> `:returns:`."""
    i, n = 0, len(line)
    while i < n and line[i] in " \t\n\v\f\r":
        i += 1
    start = i
    if i >= n or not (line[i].isascii() and (line[i].isalpha() or line[i] == "_")):
        return line, False
    while i < n:
        c = line[i]
        if c.isascii() and (c.isalnum() or c == "_"):
            i += 1
        elif c == ":" and i + 1 < n and line[i + 1] == ":":
            i += 2
        else:
            break
    if i >= n or line[i] != ":":
        return line, False
    ident = line[start:i]
    subst = ":returns" if ident == "Returns" else ":" + ident
    return line[:start] + subst + line[i:], True


# --------------------------------------------------------------------------
# values (§5.4)

def write_value(d: Desc, t, v) -> None:
    """Val::Describe into `d`: the one-line form, except that tables span
    lines (push/pop) wherever they are."""
    if v is UNSET or v is None:
        d.add("<uninitialized>")
        return
    while isinstance(v, AnyVal):
        t, v = v.type, v.value
    k = t.kind
    if k == "any":
        k = _kind_of(v)
        if k is None:
            d.add(describe(t, v).decode("latin-1"))
            return
    if k == "string":
        if d.quotes:
            d.add('"')
        d.add(escape_print(v).decode("latin-1"))
        if d.quotes:
            d.add('"')
    elif k == "record":
        rt = v.rtype
        d.add("[")
        for i, f in enumerate(rt.fields):
            if i:
                d.add(", ")
            d.add(f.name)
            d.add("=")
            write_value(d, f.type, v.vals[i] if i < len(v.vals) else UNSET)
        d.add("]")
    elif k == "vector":
        yt = (v.vtype.yield_ if v.vtype is not None else None) or t.yield_
        d.add("[")
        for i, x in enumerate(v.items):
            if i:
                d.add(", ")
            if x is not UNSET and x is not None:
                write_value(d, yt, x)
        d.add("]")
    elif k == "table":
        _write_table(d, t, v)
    else:
        d.add(describe(t, v).decode("latin-1"))


def _kind_of(v):
    if isinstance(v, bytes):
        return "string"
    if isinstance(v, RecordVal):
        return "record"
    if isinstance(v, VectorVal):
        return "vector"
    if isinstance(v, TableVal):
        return "table"
    return None


def _write_table(d: Desc, t, v: TableVal) -> None:
    tt = v.ttype if v.ttype is not None and not v.ttype.unspecified else t
    itypes = tt.indices or ()
    d.add("{")
    d.push()
    for n, (idx, val) in enumerate(v.data.values()):
        if n:
            d.add(",")
            d.nl()
        dim = len(idx)
        if dim != 1 or not tt.is_set:
            d.add("[")
        for i, x in enumerate(idx):
            if i:
                d.add(",")
                d.sp()
            write_value(d, itypes[i] if i < len(itypes) else t, x)
        if tt.is_set:
            if dim != 1:
                d.add("]")
                d.sp()
        else:
            d.add("] =")
            d.sp()
            if val is not None:
                write_value(d, tt.yield_, val)
    d.pop()
    d.add("}")


def write_default_block(d: Desc, t, v, interp) -> None:
    """The value inside a `:Default:` `::` block: a record one field a line
    (RecordVal::DescribeReST, unset fields with a &default get it, as
    LookupWithDefault does), anything else in its one-line form."""
    if t.kind != "record" or not isinstance(v, RecordVal):
        write_value(d, t, v)
        return
    d.add("{")
    d.push()
    for i, f in enumerate(v.rtype.fields):
        if i:
            d.nl()
        d.add(f.name)
        d.add("=")
        x = v.vals[i] if i < len(v.vals) else UNSET
        if x is UNSET:
            a = f.attrs.get("&default")
            if a is not None and a.expr is not None:
                x = evaluate(interp, a)
        write_value(d, f.type, x)
    d.pop()
    d.add("}")
