"""Builtin functions, one module per family; each registers its builtins
with registry.builtin() when imported."""
from __future__ import annotations

import importlib
import pkgutil

_loaded = False
# modules of this package that register no builtins: the registry itself,
# the stub writer and the component tags
NOT_FAMILIES = {"registry", "stubs", "tags"}


def builtin_families() -> None:
    """Import every family module of this package once, so that each
    builtin is in the registry. A new family is a new module here: nothing
    else lists them."""
    global _loaded
    if _loaded:
        return
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name not in NOT_FAMILIES:
            importlib.import_module(f"{__name__}.{info.name}")
    _loaded = True
