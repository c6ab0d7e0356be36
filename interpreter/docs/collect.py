"""What the documentation needs to know about scripts and identifiers,
gathered while the scripts are loaded (zeekygen.md §3, §6, §9).

`DocInterpreter` is the ordinary interpreter plus a few notes taken as
declarations execute, the ones Bro's broxygen manager takes from the
parser and that the interpreter itself has no use for:

* the modules each script names with `module X;` (§1 step 3);
* which function identifiers were *declared* (`global f: ...` or a
  `function f` body) rather than only given event/hook handler bodies,
  which never create documentation (§3.3);
* `##` lines before a function body whose declaration came earlier: they
  are appended to the declaration's (§6.2);
* `##<` lines after a declaration's final `;`: the lexer meets them only
  after the declaration was dispatched, so they are handed to the
  identifier here, "the last identifier seen" (§6.2);
* `redef x &attr;`, a redefinition the interpreter does not list;
* the comments of a completed forward type declaration (§3.1).

`ScriptIndex` then answers the generator's questions: normalized script
names (§6.3), which identifiers a script owns (§3.1, §3.3), and the
cleaned comment lines of identifiers and fields (§6.1).
"""
from __future__ import annotations

import os
from typing import Optional

from ..interp import Interpreter, PRELUDE_NAME
from ..loader import script_path
from ..scope import GlobalID


class DocInterpreter(Interpreter):
    # every declaration is noted as it is read, none deferred
    defer_declarations = False

    def __init__(self, *args, **kwargs):
        # set before Interpreter.__init__, which already runs the prelude
        self.script_modules: dict[str, list[str]] = {}
        self.declared_funcs: set[str] = set()
        self._last_seen = None          # GlobalID or Field that takes `##<`
        self._last_tok = None           # final token of the last declaration
        self._decl_target = None
        super().__init__(*args, **kwargs)

    # ------------------------------------------------------------ hooks
    def declaration(self, toks):
        self.flush_post_docs()
        self._decl_target = None
        super().declaration(toks)
        if self._decl_target is not None:
            self._last_seen = self._decl_target
        self._last_tok = toks[-1] if toks else None

    def flush_post_docs(self):
        """Give `##<` lines that followed the last declaration to the last
        identifier seen (for a record type: its last field)."""
        tok, self._last_tok = self._last_tok, None
        post = getattr(tok, "post_docs", None) if tok is not None else None
        if not post or self._last_seen is None:
            return
        target = self._last_seen
        if isinstance(target, GlobalID):
            target.docs = list(target.docs) + [("<", p) for p in post]
        else:
            target.doc = list(target.doc) + [("<", p) for p in post]
        tok.post_docs = None

    def load_sources(self, sources):
        super().load_sources(sources)
        self.flush_post_docs()

    def d_ModuleDecl(self, d):
        super().d_ModuleDecl(d)
        mods = self.script_modules.setdefault(self.current_script, [])
        if d.name not in mods:
            mods.append(d.name)

    def d_VarDecl(self, d):
        super().d_VarDecl(d)
        gid = self.globals.get(self.checker.full_name(d.name, self.module))
        if gid is not None:
            if gid.kind == "func":
                self.declared_funcs.add(gid.name)
            self._decl_target = gid

    def d_TypeDecl(self, d):
        before = self.checker.lookup_global(d.name, self.module, check_export=False)
        super().d_TypeDecl(d)
        gid = self.checker.lookup_global(d.name, self.module, check_export=False)
        if gid is not None and gid is before and gid.kind == "type":
            # a forward declaration completed: broxygen's StartType files a
            # new entry with this declaration's comments (§3.1), still
            # under the script of the first declaration
            gid.docs = list(d.docs)
        if gid is not None and gid.kind == "type":
            t = gid.type
            self._decl_target = t.fields[-1] if t.kind == "record" and t.fields else gid

    def _redef_target(self, d):
        gid = self.checker.lookup_global(d.name, self.module, check_export=False)
        if gid is not None:
            self._decl_target = gid

    def d_RedefValue(self, d):
        super().d_RedefValue(d)
        self._redef_target(d)

    def d_RedefAttrs(self, d):
        # `redef x &attr;` is parse.y's redef rule with no initializer:
        # broxygen records it as a redefinition like any other
        super().d_RedefAttrs(d)
        gid = self.checker.lookup_global(d.name, self.module, check_export=False)
        if gid is not None:
            gid.redefs.append((self.current_script, d.loc, d.docs))
            self._decl_target = gid

    def d_RedefEnum(self, d):
        super().d_RedefEnum(d)
        self._redef_target(d)

    def d_RedefRecord(self, d):
        super().d_RedefRecord(d)
        gid = self.checker.lookup_global(d.name, self.module, check_export=False)
        if gid is not None and gid.kind == "type" and gid.type.kind == "record":
            self._decl_target = gid.type.fields[-1] if d.fields else gid

    def d_FuncDef(self, d):
        if d.flavor != "function":
            # event and hook bodies never document anything (§3.3)
            super().d_FuncDef(d)
            return
        before = self.checker.lookup_global(d.name, self.module, check_export=False)
        known = before is not None and before.name in self.declared_funcs
        old_docs = list(before.docs) if known else None
        super().d_FuncDef(d)
        gid = self.checker.lookup_global(d.name, self.module, check_export=False)
        if gid is None or gid.kind != "func":
            return
        if known and gid is before:
            gid.docs = old_docs + list(d.docs)
        self.declared_funcs.add(gid.name)
        self._decl_target = gid


# --------------------------------------------------------------------------
# names and ownership

def normalize_script(display: str) -> str:
    """A script's documentation name (§6.3): `.`/`..` resolved, the first
    script-path directory that contains it removed, `.bro` kept.  Relative
    names are relative to `.`, which is how our loader writes them."""
    if display == PRELUDE_NAME or display.startswith("<"):
        return display
    p = os.path.normpath(display)
    for d in script_path():
        nd = os.path.normpath(d)
        # as in Bro, a relative directory (`.`) only matches relative names
        if os.path.isabs(nd) != os.path.isabs(p):
            continue
        if nd == ".":
            return p
        if p.startswith(nd.rstrip("/") + "/"):
            return p[len(nd):].lstrip("/")
    return p


PACKAGE_LOADERS = ("__load__.bro", "__load__.zeek")


def dependency_name(display: str) -> tuple[str, bool]:
    """(name, is_package): a package loaded as a directory is named by the
    directory and documented at `<name>/index` (§1 step 8)."""
    name = normalize_script(display)
    head, tail = os.path.split(name)
    if tail in PACKAGE_LOADERS and head:
        return head, True
    return name, False


def clean_comment(text) -> str:
    """One doc comment line as broxygen keeps it (§6.1): the text after
    the marker less exactly one leading space."""
    if isinstance(text, tuple):          # ("<", text): a `##<` line
        text = text[1]
    return text[1:] if text.startswith(" ") else text


class ScriptIndex:
    """Per-script facts for the pages, from a loaded DocInterpreter."""

    def __init__(self, interp: DocInterpreter):
        self.interp = interp
        self.globals = interp.globals
        self.summaries: dict[str, list[str]] = {}
        self.loads: dict[str, list[str]] = {}
        self.modules: dict[str, set[str]] = {}
        for disp, lines in interp.script_summaries.items():
            self.summaries.setdefault(normalize_script(disp), []).extend(lines)
        for disp, deps in interp.script_loads.items():
            self.loads.setdefault(normalize_script(disp), []).extend(deps)
        for disp, mods in interp.script_modules.items():
            self.modules.setdefault(normalize_script(disp), set()).update(mods)
        self.owned: dict[str, list[GlobalID]] = {}
        seen = set()
        for gid in self.globals.values():
            if id(gid) in seen or not self.documented(gid):
                continue
            seen.add(id(gid))
            self.owned.setdefault(self.owner(gid), []).append(gid)

    # ------------------------------------------------------------ identifiers
    def documented(self, gid: GlobalID) -> bool:
        """Has broxygen an entry for it?  Only declarations make one: event
        and hook handler bodies do not (§3.3); builtins are no script's."""
        if gid.script is None or gid.script == "<builtin>":
            return False
        if gid.kind == "func":
            return gid.name in self.interp.declared_funcs
        return True

    def owner(self, gid: GlobalID) -> str:
        """The script of the identifier's first declaration (§3.1)."""
        return normalize_script(gid.script)

    @staticmethod
    def is_public(gid: GlobalID) -> bool:
        """utils.cc is_public_api (§3.3): exported, or of module GLOBAL."""
        return gid.exported or "::" not in gid.name

    def script_ids(self, script: str) -> list[GlobalID]:
        """The public identifiers a script owns, by full name (§3.5)."""
        return sorted((g for g in self.owned.get(script, ()) if self.is_public(g)),
                      key=lambda g: g.name)

    def redefined_in(self, script: str) -> list[tuple[GlobalID, list]]:
        """Identifiers redefined by `script`, by name, each with the comment
        blocks of its redefs there, in order."""
        out = []
        seen = set()
        for gid in self.globals.values():
            if id(gid) in seen or not self.documented(gid):
                continue
            seen.add(id(gid))
            blocks = [docs for s, _loc, docs in gid.redefs if normalize_script(s) == script]
            if blocks:
                out.append((gid, blocks))
        out.sort(key=lambda x: x[0].name)
        return out

    def comments(self, gid: Optional[GlobalID]) -> list[str]:
        return [clean_comment(c) for c in gid.docs] if gid is not None else []

    @staticmethod
    def field_comments(field) -> list[str]:
        return [clean_comment(c) for c in field.doc]

    @staticmethod
    def field_script(field) -> str:
        loc = field.loc
        return normalize_script(loc.file) if loc is not None and loc.file else ""

    def type_id(self, t) -> Optional[GlobalID]:
        """The identifier documenting a named type (GetIdentifierInfo(name))."""
        if not t.name:
            return None
        gid = self.globals.get(t.name)
        return gid if gid is not None and gid.kind == "type" and self.documented(gid) else None

    # ------------------------------------------------------------ scripts
    def summary(self, script: str) -> list[str]:
        return [clean_comment(s) for s in self.summaries.get(script, [])]

    def dependencies(self, script: str) -> list[tuple[str, bool]]:
        deps = {}
        for d in self.loads.get(script, []):
            name, pkg = dependency_name(d)
            deps[name] = pkg
        return sorted(deps.items())

    def script_modules(self, script: str) -> list[str]:
        return sorted(self.modules.get(script, ()))
