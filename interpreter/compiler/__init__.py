"""The compiler: checked AST -> Python callables.

core.py dispatches on node classes; expressions.py, stores.py and
statements.py build closures; codegen.py writes hot statement lists and
expressions as generated Python.  What the closures call at run time lives
in runtime/ (values, keys, arithmetic, the event queue)."""
from .core import Compiler

__all__ = ["Compiler"]
