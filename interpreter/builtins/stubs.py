"""The generated `base/bif/*.bif.bro` scripts, derived from the registry.

Bro's build runs bifcl on every `.bif` file and writes one stub script per
file: `global f: function(...)` for each builtin, `global e: event(...)`
for each event, the enums and the `module` lines, in `.bif` order
(bro26-surface.md "How Bro 2.6 generates the stubs").  Ours are written the
same way, from three sources that each hold a fact once:

- a builtin's signature: its Python registration (`@builtin("...")`), or,
  while nobody has implemented it, its line in `unimplemented.txt`;
- the rest of each stub (events, enums, module lines, the order, the loader
  files): `bif_layout.txt`, facts taken from bro26-surface.json.

tools/gen_bif_stubs.py writes the files into scripts/base/bif/, and
tests/test_surface.py checks that they are exactly what `render_all()`
gives, so a stub can never disagree with its implementation.
"""
from __future__ import annotations

import os

HERE = os.path.dirname(os.path.abspath(__file__))
LAYOUT = os.path.join(HERE, "bif_layout.txt")
UNIMPLEMENTED = os.path.join(HERE, "unimplemented.txt")


def split_params(text: str) -> list[str]:
    """Split a parameter list at its top-level commas (defaults may hold
    strings with commas, types may hold brackets)."""
    parts, depth, cur, quote = [], 0, [], False
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            cur.append(c)
            if c == "\\" and i + 1 < len(text):
                cur.append(text[i + 1])
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
            cur.append(c)
        elif c in "([{":
            depth += 1
            cur.append(c)
        elif c in ")]}":
            depth -= 1
            cur.append(c)
        elif c == "," and depth == 0:
            parts.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    if "".join(cur).strip():
        parts.append("".join(cur).strip())
    return parts


def close_paren(text: str, start: int) -> int:
    """Index of the `)` matching the `(` at `start`, skipping strings."""
    depth, quote, i = 0, False, start
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == '"':
                quote = False
        elif c == '"':
            quote = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced signature: {text}")


def parse_signature(signature: str):
    """`function NAME(PARAMS): RET ATTRS` -> (name, [param text], varargs,
    ret, attrs) as bifcl reads it."""
    sig = " ".join(signature.split())
    op = sig.index("(")
    cp = close_paren(sig, op)
    name = sig[:op].split()[-1]
    params = split_params(sig[op + 1:cp])
    varargs = bool(params) and params[-1] == "..."
    rest = sig[cp + 1:].strip()
    ret, attrs = "", ""
    if rest.startswith(":"):
        rest = rest[1:].strip()
        amp = rest.find(" &") if not rest.startswith("&") else -1
        ret, attrs = (rest, "") if amp < 0 else (rest[:amp].strip(), rest[amp:].strip())
        if rest.startswith("&"):
            ret, attrs = "", rest
    else:
        attrs = rest
    return name, params, varargs, ret, attrs


def param_decl(p: str) -> str:
    # bifcl writes "name: type " and then the attributes, if any
    amp = p.find(" &")
    head, attrs = (p, "") if amp < 0 else (p[:amp], p[amp + 1:])
    name, typ = head.split(":", 1)
    typ = typ.strip()
    if typ == "portval":
        typ = "port"
    return f"{name.strip()}: {typ} {attrs}"


def function_decl(signature: str) -> str:
    """The stub line bifcl writes for a builtin function (bro26-surface.md:
    `global f: function(a: T , b: U &default=x): R [&attrs];`)."""
    name, params, varargs, ret, attrs = parse_signature(signature)
    ps = "va_args: any" if varargs else ", ".join(param_decl(p) for p in params)
    if ret == "portval":
        ret = "port"
    return f"global {name}: function({ps}): {ret} {attrs};"


def unimplemented() -> dict[str, str]:
    """Full name -> signature of each .bif function broscript has no
    implementation of yet."""
    out = {}
    with open(UNIMPLEMENTED, encoding="utf-8") as fh:
        for ln in fh:
            ln = ln.rstrip("\n")
            if ln and not ln.startswith("#"):
                name, sig = ln.split("\t", 1)
                out[name] = sig
    return out


def layout() -> list[dict]:
    """The stubs and loader files in order: {file, source, mode, items}, items
    being (kind, text): ("function", full name), ("event"|"enum", the stub
    line), ("module", name), ("@load", path) for the loader files."""
    stubs, cur = [], None
    with open(LAYOUT, encoding="utf-8") as fh:
        for ln in fh:
            ln = ln.rstrip("\n")
            if not ln or ln.startswith("#"):
                continue
            kind, _, rest = ln.partition(" ")
            if kind == "stub" or kind == "loader":
                parts = rest.split(" ")
                cur = {"kind": kind, "file": parts[0], "source": parts[1] if len(parts) > 1 else None,
                       "mode": parts[2] if len(parts) > 2 else None, "items": []}
                stubs.append(cur)
            else:
                cur["items"].append((kind, rest))
    return stubs


def signatures() -> dict[str, str]:
    """Full name -> signature for every builtin a stub may declare: the
    registry's, and the unimplemented ones'."""
    from . import builtin_families
    from .registry import BUILTINS
    builtin_families()
    sigs = unimplemented()
    for name, spec in BUILTINS.items():
        sigs[name] = spec.signature
    return sigs


def render(stub: dict, sigs: dict[str, str]) -> str:
    if stub["kind"] == "loader":
        return "".join(f"@load {p}\n" for _, p in stub["items"])
    lines = [f"# This file was automatically generated by bifcl from {stub['source']} "
             f"({stub['mode']} mode); broscript writes it from its builtin registry.", "",
             "export {"]
    for kind, text in stub["items"]:
        if kind == "function":
            if text not in sigs:
                raise KeyError(f"{stub['file']}: no registration and no unimplemented.txt line for {text}")
            lines.append(function_decl(sigs[text]))
        elif kind == "module":
            lines.append(f"module {text};")
        else:
            lines.append(text)
    lines += ["} # end of export section", "module GLOBAL;"]
    return "\n".join(lines) + "\n"


def render_all() -> dict[str, str]:
    """Path under scripts/ -> text, for every generated stub and loader."""
    sigs = signatures()
    return {s["file"]: render(s, sigs) for s in layout()}
