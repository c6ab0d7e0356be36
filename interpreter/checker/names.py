"""Names: the module-qualified full name, global lookup (with lazily
installed builtins), local scopes, and the checker's messages
(language.md §3)."""
from __future__ import annotations

from .. import types as T
from ..errors import Loc, LocPair
from .context import Ctx


def pair_loc(loc, loc2):
    """`loc and loc2` when the second object sits elsewhere (Obj.cc DoMsg
    compares file and lines only), else `loc`."""
    if loc2 is None or loc2 == loc:
        return loc
    if loc is None:
        # a type whose place broscript does not keep: the other one alone
        return loc2
    return LocPair(loc, loc2)


def type_loc(t):
    """Where a type is, as messages name it: a built-in type's pseudo-location
    is its own name (`error in port and ./x.bro, line 7`, language.md §6.1);
    other types carry none here."""
    if isinstance(t, T.BaseType):
        return Loc(T.type_name(t), 0)
    return getattr(t, "loc", None)


def type_desc(t) -> str:
    """A type as the `(...)` part of a message shows it: its name if it has
    one (Type::Describe in short mode)."""
    return t.name or T.type_name(t)


class Names:
    def obj_error(self, msg, loc, desc, loc2=None, desc2=None, warn=False):
        """Bro's `this->Error(msg, obj2)`: ` (this and obj2)` after the text,
        both places before it."""
        objs = (desc,) if desc2 is None else (desc, desc2)
        where = pair_loc(loc, loc2)
        (self.warn if warn else self.error)(msg, where, *objs)

    def type_error(self, msg, t, e):
        """`t->Error(msg, e)`: a type complaining about an expression."""
        self.obj_error(msg, type_loc(t), type_desc(t), e.loc, self.expr_desc(e))

    def expr_type_error(self, msg, e, t):
        """`e->Error(msg, t)`: an expression complaining about a type."""
        self.obj_error(msg, e.loc, self.expr_desc(e), type_loc(t), type_desc(t))

    def already_defined(self, gid, init):
        """Var.cc: `id->Error("already defined", init)`, at the identifier's
        first declaration and at the new initialiser."""
        if init is None:
            self.error("already defined", gid.loc, gid.name)
        else:
            self.obj_error("already defined", gid.loc, gid.name, init.loc, self.expr_desc(init))

    def redef_warning(self, gid, init, t):
        """`id->Warn("redefinition requires \"redef\"", redef_obj, 1)`: both
        places, only the name described (pinpoint)."""
        other = init.loc if init is not None else (type_loc(t) if t is not None else None)
        self.warn('redefinition requires "redef"', pair_loc(gid.loc, other), gid.name)

    def expr_desc(self, e) -> str:
        from ..render import expr_text
        return expr_text(e)

    def error(self, msg: str, loc: Loc, *objs):
        if objs:
            msg = f"{msg} ({' and '.join(objs)})"
        self.interp.reporter.parse_error(msg, loc)

    def warn(self, msg: str, loc: Loc, *objs):
        if objs:
            msg = f"{msg} ({' and '.join(objs)})"
        self.interp.reporter.warning(msg, loc)

    def full_name(self, name: str, module: str) -> str:
        if "::" in name:
            return name[8:] if name.startswith("GLOBAL::") else name
        return name if module == "GLOBAL" else f"{module}::{name}"

    def lookup_global(self, name: str, module: str, loc: Loc = None, check_export=True):
        cand = self.full_name(name, module)
        g = self.globals
        gid = g.get(cand)
        limit = self.interp.visible_limit
        if limit is not None:
            # a deferred declaration sees only the globals declared before
            # it, as Bro checks it where it stands (deferred.GlobalTable)
            if gid is not None and not g.visible(cand, limit):
                gid = None
            if gid is None and "::" not in name:
                gid = g.get(name)
                if gid is not None and not g.visible(name, limit):
                    gid = None
            return self._exported(gid, module, loc, check_export)
        if gid is None and "::" not in name:
            gid = g.get(name)
        return self._exported(gid, module, loc, check_export)

    def _exported(self, gid, module, loc, check_export):
        if gid is not None and check_export and loc is not None:
            m = gid.module
            if m != "GLOBAL" and m != module and not gid.exported:
                self.error(f"identifier is not exported: {gid.name}", loc)
        return gid

    def lookup(self, name: str, ctx: Ctx, loc: Loc):
        if ctx.scope is not None and "::" not in name:
            v = ctx.scope.get(name)
            if v is not None:
                return v
            for sc in reversed(ctx.outers):
                v = sc.get(name)
                if v is not None:
                    return v
        return self.lookup_global(name, ctx.module, loc)
