"""Write the generated base/bif scripts (bro26-surface.md, "How Bro 2.6
generates the stubs") from the builtin registry.

    python tools/gen_bif_stubs.py            # scripts/base/bif/** from the registry
    python tools/gen_bif_stubs.py --facts bro26-surface.json
        # (once) write interpreter/builtins/bif_layout.txt, the stub layout
        # facts, and list in unimplemented.txt every .bif function that has
        # no registration yet

tests/test_surface.py fails when the checked-in stubs differ from what the
registry gives, so run this after adding or changing a builtin.
"""
from __future__ import annotations

import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, REPO)

from interpreter.builtins import stubs  # noqa: E402  (the package as checked out)

SCRIPTS = os.path.join(REPO, "scripts")


def write_facts(path: str) -> None:
    with open(path) as fh:
        facts = json.load(fh)
    out = ["# The generated base/bif scripts, in bro26-surface.json's order: the",
           "# stub files with their source .bif and bifcl mode, then each",
           "# declaration bifcl writes.  A `function` names its builtin; its",
           "# signature lives in the registration (or unimplemented.txt).",
           "# Written by tools/gen_bif_stubs.py --facts."]
    fnames = []
    for s in facts["generated_scripts"]:
        out.append(f"stub {s['file']} {s['source']} {s['bifcl_mode']}")
        for d in s["declarations"]:
            k = d["kind"]
            if k == "function":
                out.append(f"function {d['name']}")
                fnames.append((d["name"], d["signature"]))
            elif k in ("event", "enum"):
                out.append(f"{k} {d['script_decl']}")
            elif k == "module":
                out.append(f"module {d['name']}")
    for loader, lines in facts["loaders"].items():
        out.append(f"loader {loader}")
        for ln in lines:
            out.append(f"@load {ln.split(' ', 1)[1]}")
    with open(stubs.LAYOUT, "w") as fh:
        fh.write("\n".join(out) + "\n")
    from interpreter.builtins import builtin_families
    from interpreter.builtins.registry import BUILTINS
    builtin_families()
    head = ["# Functions of Bro 2.6's .bif files that broscript does not implement",
            "# yet: NAME<TAB>signature.  Their stubs declare them and a call gives",
            "# 'not supported by broscript yet: NAME'.  Implementing one means",
            "# registering it with this signature and deleting its line here",
            "# (tests/test_surface.py checks both)."]
    rows = [f"{n}\t{sig}" for n, sig in fnames if n not in BUILTINS]
    with open(stubs.UNIMPLEMENTED, "w") as fh:
        fh.write("\n".join(head + rows) + "\n")
    print(f"{len(fnames)} functions, {len(rows)} unimplemented")
    tags = ["# The plugin component tags Bro 2.6's managers add before any script",
            "# is read: ENUM VALUE-NAME VALUE.  Written by tools/gen_bif_stubs.py --facts."]
    for enum, vals in facts["component_tags"].items():
        tags += [f"{enum} {v['name']} {v['value']}" for v in vals]
    from interpreter.builtins import tags as tagmod
    with open(tagmod.DATA, "w") as fh:
        fh.write("\n".join(tags) + "\n")


def write_stubs() -> None:
    for rel, text in stubs.render_all().items():
        p = os.path.join(SCRIPTS, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as fh:
            fh.write(text)
    print("wrote", len(stubs.layout()), "files under scripts/base/bif")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--facts":
        write_facts(sys.argv[2])
    else:
        write_stubs()
