"""The plugin component tags: `Analyzer::Tag`, `Files::Tag`,
`Input::Reader` and `Log::Writer`.

Bro's component managers create these enums, with one value per compiled-in
component, before any script is read (bro26-surface.md "How Bro 2.6 loads
them", step 6); scripts then use `Analyzer::ANALYZER_HTTP`,
`Input::READER_ASCII` and so on.  The names and values are facts of the
Bro 2.6 build, kept in component_tags.txt (written by
tools/gen_bif_stubs.py --facts).
"""
from __future__ import annotations

import os

from .. import types as T
from ..scope import GlobalID

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "component_tags.txt")


def component_tags() -> dict[str, list[tuple[str, int]]]:
    """Enum name -> [(value name without module, value)], in value order."""
    out: dict = {}
    with open(DATA, encoding="utf-8") as fh:
        for ln in fh:
            if ln.startswith("#") or not ln.strip():
                continue
            enum, name, num = ln.split()
            out.setdefault(enum, []).append((name, int(num)))
    return out


def declare_component_tags(interp) -> None:
    for enum, values in component_tags().items():
        module = enum.split("::", 1)[0]
        et = T.EnumType(enum)
        gid = GlobalID(enum, "type", et)
        gid.exported = True
        gid.script = "<built-in>"
        interp.globals[enum] = gid
        for name, num in values:
            full = f"{module}::{name}"
            v = GlobalID(full, "enum", et)
            v.value = et.add(full, num)
            v.exported = True
            v.script = "<built-in>"
            interp.globals[full] = v
        et.explicit = True
