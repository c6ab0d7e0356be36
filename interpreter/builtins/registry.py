"""The one registry of builtin functions.

Each builtin is declared once with its Bro signature as text, exactly as
its .bif file writes it (bro26-surface.json `signature`).  The generated
base/bif stubs are written from these signatures (stubs.py), and when a
stub declares the function the interpreter binds the implementation to
that ID, as Bro's BuiltinFunc does; so builtins are type-checked and
documented like script functions:

    @builtin("function fnv1a32(input: any): count")
    def fnv1a32(ctx, input):
        ...

Calling convention: the Python function receives a `ctx` (the call context,
see runtime/context.py: `ctx.builtin_error(msg, extra=None)`, `ctx.interp`)
and then one argument per Bro parameter, as runtime values (values.py).
Parameters of type `any` arrive as AnyVal; a trailing `...` (written as the
last parameter `va_args: any` with `...` in the signature, e.g.
"function fmt(...): string") arrives as a list of AnyVal.  Defaulted
parameters (`&default=...`) are filled in by the caller.  Return the result
value (None for void).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

BUILTINS: dict[str, "BuiltinSpec"] = {}


@dataclass
class BuiltinSpec:
    name: str            # full Bro name, e.g. "Cluster::publish_hrw"
    signature: str       # e.g. "function fnv1a32(input: any): count"
    impl: Callable
    module: str          # Python module that defined it
    lazy: bool = False   # the signature names a type that a script declares
    pure: Callable = None  # the same function without ctx, for hot calls
    specialize: Callable = None  # see builtin()
    deprecated: bool = False     # the signature ends in `&deprecated`


# what a specializer is told of an argument that is not a constant
NOT_CONST = object()


def builtin(signature: str, lazy: bool = False, pure: Callable = None,
            specialize: Callable = None, module: str = None):
    """Register `impl` under the name written in `signature`.

    `lazy`: accepted for older registrations and without effect: every
    builtin is declared by its stub, after the script types it names.
    `pure`: a function of the Bro arguments alone that does the same (it
    needs no call context); compiled calls use it directly.
    `specialize(args)`: for one call site, given each argument's static type
    and its constant value (NOT_CONST when it is not one), a function of the
    arguments' plain values (no AnyVal boxes) that gives what `impl` would
    give and cannot fail, or None to keep the general call.
    `module`: the module a .bif declares the function in when its signature
    names it without one (`function __name(...)` inside `module Analyzer`).
    A signature ending in `&deprecated` makes every use warn, as in Bro."""
    head = signature.split("(", 1)[0].split()
    name = head[-1]
    if module is not None and "::" not in name:
        name = f"{module}::{name}"
    deprecated = signature.rstrip().endswith("&deprecated")

    def deco(impl):
        BUILTINS[name] = BuiltinSpec(name, signature, impl, impl.__module__, lazy, pure,
                                     specialize, deprecated)
        return impl
    return deco


# ------------------------------------------------------------ not yet implemented
_UNIMPLEMENTED = None


def unimplemented_builtins() -> frozenset:
    """The .bif functions that the stubs declare but nobody has registered
    yet (unimplemented.txt, see stubs.py)."""
    global _UNIMPLEMENTED
    if _UNIMPLEMENTED is None:
        from .stubs import unimplemented
        _UNIMPLEMENTED = frozenset(unimplemented())
    return _UNIMPLEMENTED


def not_supported(name: str) -> Callable:
    """The value a declared but unimplemented builtin is bound to: calling
    it stops the run with one clear message rather than a wrong result."""
    def call(ctx, *args):
        from ..errors import BroFatal
        raise BroFatal(f"not supported by broscript yet: {name}", ctx.loc)
    return call
