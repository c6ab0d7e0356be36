"""The pipeline's import direction (issue 10): the running program
(interpreter/runtime/) imports nothing of the front end, and types.py,
which the runtime's values refer to, imports nothing of the runtime."""
from __future__ import annotations

import ast

from conftest import REPO

PKG = REPO / "interpreter"
FRONT_END = {"nodes", "render", "scope", "checker", "compiler", "interp", "parser",
             "lexer", "loader", "pretty", "literals", "parseonly"}


def imported_modules(path):
    """The package modules a file imports, as names relative to the
    package root (`..nodes` from runtime/ops.py -> "nodes")."""
    tree = ast.parse(path.read_text(), str(path))
    depth_of_file = len(path.relative_to(PKG).parts) - 1
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                mod = node.module or ""
                if mod.startswith("broscript."):
                    out.append((mod.split(".")[1], node.lineno))
                continue
            base = list(path.relative_to(PKG).parts[:depth_of_file])
            up = node.level - 1
            base = base[:len(base) - up] if up else base
            parts = base + (node.module.split(".") if node.module else [])
            if parts:
                out.append((parts[0], node.lineno))
            else:
                # `from .. import nodes`: the names are modules
                out += [(a.name, node.lineno) for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("broscript."):
                    out.append((a.name.split(".")[1], node.lineno))
    return out


def test_runtime_imports_no_front_end():
    bad = []
    for path in sorted((PKG / "runtime").glob("*.py")):
        for mod, line in imported_modules(path):
            if mod in FRONT_END:
                bad.append(f"{path.relative_to(REPO)}:{line} imports {mod}")
    assert bad == []


def test_types_import_nothing_of_runtime():
    mods = [m for m, _ in imported_modules(PKG / "types.py")]
    assert "runtime" not in mods


def test_the_check_sees_imports():
    # the walker must see both spellings, or the tests above prove nothing
    mods = {m for m, _ in imported_modules(PKG / "compiler" / "core.py")}
    assert {"nodes", "runtime", "scope", "render"} <= mods
    assert "runtime" in {m for m, _ in imported_modules(PKG / "interp.py")}
