"""Names: the module-qualified full name, global lookup (with lazily
installed builtins), local scopes, and the checker's messages
(language.md §3)."""
from __future__ import annotations

from ..errors import Loc
from .context import Ctx


class Names:
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
