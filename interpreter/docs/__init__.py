"""`broscript --doc`: Bro 2.6 broxygen's reST reference page of a script
(zeekygen.md).

    collect.py   notes taken while scripts load; script names, ownership
    desc.py      the ODesc text buffer and its lazy indentation
    rest.py      types, attributes and values as reST
    page.py      one page: header, summary tables, detailed entries

As in Bro, the pages show the state after every script is loaded and
before `bro_init` runs: nothing is executed.
"""
from __future__ import annotations

import io
import os
import sys

from ..errors import BroError


def main_doc(scripts: list[str], doc_dir: str | None, bare: bool) -> int:
    """Write the page of each script (named as in `@load`, or a path) to
    stdout, or to `doc_dir/<script name>.rst` as Bro names its files."""
    from .collect import DocInterpreter, ScriptIndex, normalize_script
    from .page import Page

    interp = DocInterpreter(out=io.BytesIO())
    loads = []
    if not bare and interp.loader.resolve("base/init-default", None):
        loads.append("base/init-default")
    names = []
    for s in scripts:
        found = interp.loader.resolve(s, None)
        if found is None:
            raise BroError(f"can't find {s}", None, "fatal error")
        names.append(normalize_script(found[0]))
        loads.append(s)
    # loaded as `@load`s, so a script that another one loads first is
    # loaded once, where that one loads it
    text = "".join(f"@load {s}\n" for s in loads)
    try:
        interp.load_sources([("<command line>", text, None)])
    except BroError as ex:
        interp.reporter.write(ex.render())
        return 1
    if interp.reporter.errors:
        return 1
    index = ScriptIndex(interp)
    for name in names:
        # ScriptTarget::DoGenerate writes the page with "%s\n" (§1)
        text = (Page(index, name).render() + "\n").encode("latin-1")
        if doc_dir is None:
            sys.stdout.buffer.write(text)
            continue
        target = os.path.join(doc_dir, name + ".rst")
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        with open(target, "wb") as fh:
            fh.write(text)
    sys.stdout.buffer.flush()
    return 0
