"""pyproject.toml lists every package of interpreter/: an install that is
not editable (`pip install .`, a wheel) holds only the packages named
there, and a missing one fails every run with ModuleNotFoundError."""
from __future__ import annotations

import tomllib

from conftest import REPO


def test_every_package_of_the_interpreter_is_installed():
    conf = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(conf["packages"])
    found = set()
    for init in (REPO / "interpreter").rglob("__init__.py"):
        if "__pycache__" in init.parts:
            continue
        rel = init.parent.relative_to(REPO / "interpreter").parts
        found.add(".".join(("broscript",) + rel))
    assert found - listed == set()
