"""broxygen.bif (bifs/strings-reporter-misc.md §6): the `##` comments the
parser kept, joined with newlines, no trailing one; all "" when
BRO_DISABLE_BROXYGEN is set."""
from __future__ import annotations

from .registry import builtin


def stored_name(ctx, path: str) -> str:
    """The name Bro keeps a script (or package directory) under (§6
    get_script_comments): the path normalized, then the first script-path
    entry that is a plain string prefix of it cut off together with the
    `/` after it."""
    import os
    from ..loader import script_path
    # our loader names every relative script `./...` (language.md §7.2);
    # Bro opened `<entry>/<name>`, so an entry other than `.` may match
    p = os.path.normpath(path)
    for d in script_path(ctx.interp.environ):
        if p.startswith(d):
            return p[len(d):].lstrip("/")
    return p


def _disabled(ctx) -> bool:
    return b"BRO_DISABLE_BROXYGEN" in ctx.interp.environ


def _join(lines) -> bytes:
    # one leading space of each comment line goes (zeekygen.md §6.1)
    from ..docs.collect import clean_comment
    return "\n".join(clean_comment(ln) for ln in lines or ()).encode("latin-1")


@builtin("function get_identifier_comments(name: string): string")
def get_identifier_comments(ctx, name):
    if _disabled(ctx):
        return b""
    gid = ctx.interp.globals.get(name.decode("latin-1"))
    return _join(getattr(gid, "docs", None)) if gid is not None else b""


@builtin("function get_script_comments(name: string): string")
def get_script_comments(ctx, name):
    if _disabled(ctx):
        return b""
    # compared verbatim with each script's stored (normalized) name, §6
    want = name.decode("latin-1")
    for script, lines in ctx.interp.script_summaries.items():
        if stored_name(ctx, script) == want:
            return _join(lines)
    return b""


@builtin("function get_package_readme(name: string): string")
def get_package_readme(ctx, name):
    """The README beside a loaded package's __load__.bro, its lines joined
    without the final newline; "" for an unknown package or none (§6)."""
    if _disabled(ctx):
        return b""
    import os
    want = name.decode("latin-1")
    for display in ctx.interp.scripts:
        head, tail = os.path.split(display)
        if tail in ("__load__.bro", "__load__.zeek") and stored_name(ctx, head) == want:
            try:
                with open(os.path.join(os.path.dirname(display), "README"), "rb") as fh:
                    return b"\n".join(fh.read().splitlines())
            except OSError:
                return b""
    return b""


@builtin("function get_record_field_comments(name: string): string")
def get_record_field_comments(ctx, name):
    if _disabled(ctx):
        return b""
    text = name.decode("latin-1")
    if "$" in text:
        tname, _, fname = text.partition("$")
    elif len(text) == 1:
        tname = fname = text          # Bro's unsigned bounds check (§6)
    else:
        return b""
    gid = ctx.interp.globals.get(tname)
    t = getattr(gid, "type", None) if gid is not None and gid.kind == "type" else None
    f = t.field(fname) if t is not None and t.kind == "record" and fname else None
    return _join(f.doc) if f is not None else b""
