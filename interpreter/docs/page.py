"""One script's reST page, assembled as Bro 2.6's broxygen assembled it
(zeekygen.md §1 page layout, §3.4 sections, §4 summary tables, §5.1
detailed entries).

Where zeekygen.md is silent (the Redefinitions summary rows, the layout of
enum values) the generator follows Bro 2.6's ScriptInfo.cc and
Type.cc as described in the comments at those places.
"""
from __future__ import annotations

from .collect import ScriptIndex, clean_comment
from ..runtime.values import UNSET
from .desc import Desc
from .rest import TypeWriter, is_atomic, prettify_param, write_default_block, write_value

SUMMARY_ORDER = ["Runtime Options", "Redefinable Options", "Constants",
                 "State Variables", "Types", "Redefinitions", "Events", "Hooks",
                 "Functions"]
DETAIL_ORDER = ["Runtime Options", "Redefinable Options", "Constants",
                "State Variables", "Types", "Events", "Hooks", "Functions"]


def heading(text: str, char: str) -> str:
    return text + "\n" + char * len(text) + "\n"


def section_of(gid) -> str | None:
    """ScriptInfo::DoInitPostScript (§3.4): the first rule that matches."""
    t = gid.type
    if gid.kind == "type":
        return "Types"
    if t is not None and t.kind == "func":
        return {"hook": "Hooks", "event": "Events"}.get(t.flavor, "Functions")
    if gid.kind == "const":
        return "Redefinable Options" if gid.attrs.has("&redef") else "Constants"
    if gid.kind == "option":
        return "Runtime Options"
    if t is not None and t.kind == "enum":
        return None
    return "State Variables"


# --------------------------------------------------------------------------
# summary (§4)

def summary_sentence(lines: list[str]) -> list[str]:
    """ScriptInfo.cc summary_comment (§4.2)."""
    out = []
    for line in lines:
        end = end_of_first_sentence(line)
        if end is None:
            if line.strip(" \t\n\v\f\r") == "":
                break
            out.append(line)
        else:
            out.append(line[:end + 1])
            break
    return out


def end_of_first_sentence(s: str) -> int | None:
    i = s.find(".")
    while i != -1:
        if i == len(s) - 1 or s[i + 1] in " \t\n\v\f\r":
            return i
        i = s.find(".", i + 1)
    return None


def table(rows: list[list[str]]) -> str:
    """ReStructuredTextTable::AsString with `=` borders (§4.3)."""
    w = [1, 1]
    for r in rows:
        for c in (0, 1):
            w[c] = max(w[c], len(r[c]))
    border = "=" * w[0] + " " + "=" * w[1] + "\n"
    out = [border]
    for c0, c1 in rows:
        out.append(c0 + " " * (w[0] - len(c0) + 1) + c1 + "\n")
    out.append(border)
    return "".join(out)


def summary_rows(short: str, sentence: list[str]) -> list[list[str]]:
    if not sentence:
        return [[short, ""]]
    return [[short, sentence[0]]] + [["", s] for s in sentence[1:]]


class Page:
    def __init__(self, index: ScriptIndex, script: str):
        self.index = index
        self.script = script
        self.types = TypeWriter(index)

    # ------------------------------------------------------------ whole page
    def render(self) -> str:
        ix = self.index
        name = self.script
        modules = ix.script_modules(name)
        out = [":tocdepth: 3\n\n", heading(name, "=")]
        out += [f".. bro:namespace:: {m}\n" for m in modules]
        out.append("\n")
        out += [line + "\n" for line in ix.summary(name)]
        out.append("\n")
        if modules:
            out.append((":Namespace: " if len(modules) == 1 else ":Namespaces: ")
                       + ", ".join(modules) + "\n")
        deps = ix.dependencies(name)
        if deps:
            out.append(":Imports: " + ", ".join(
                f":doc:`{d} </scripts/{d + '/index' if pkg else d}>`" for d, pkg in deps) + "\n")
        out.append("\n")

        sections = {s: [] for s in DETAIL_ORDER}
        for gid in ix.script_ids(name):
            s = section_of(gid)
            if s is not None:
                sections[s].append(gid)

        out.append(heading("Summary", "~"))
        for title in SUMMARY_ORDER:
            if title == "Redefinitions":
                rows = self.redef_rows()
            else:
                rows = [r for g in sections[title]
                        for r in summary_rows(self.short(g), summary_sentence(ix.comments(g)))]
            if rows:
                out.append(heading(title, "#") + table(rows) + "\n")
        out.append("\n")
        out.append(heading("Detailed Interface", "~"))
        for title in DETAIL_ORDER:
            if sections[title]:
                out.append(heading(title, "#"))
                out += [self.entry(g) + "\n\n" for g in sections[title]]
        return "".join(out)

    def redef_rows(self) -> list[list[str]]:
        """Bro 2.6 make_redef_summary: redefined identifiers by name, one
        group of rows per redef in this script, each with the first
        sentence of that redef's own comments."""
        rows = []
        for gid, blocks in self.index.redefined_in(self.script):
            short = self.short(gid)
            for docs in blocks:
                lines = [clean_comment(c) for c in docs]
                rows += summary_rows(short, summary_sentence(lines))
        return rows

    # ------------------------------------------------------------ rows and entries
    def short(self, gid) -> str:
        """ID::DescribeReSTShort (§4.1)."""
        d = Desc(0, quotes=True)
        is_type = gid.kind == "type"
        d.add(":bro:type:`" if is_type else ":bro:id:`")
        d.add(gid.name)
        d.add("`")
        t = gid.type
        if t is not None:
            d.add(": ")
            d.add(":bro:type:`")
            if not is_type and t.name:
                d.add(t.name)
            elif t.kind == "table":
                d.add("set" if t.is_set else "table")
            elif t.kind == "func":
                d.add(t.flavor)
            else:
                d.add(t.kind)
            d.add("`")
        if gid.attrs:
            d.sp()
            self.types.attrs(d, gid.attrs)
        return d.text()

    def entry(self, gid) -> str:
        """IdentifierInfo::DoReStructuredText + ID::DescribeReST (§5.1)."""
        d = Desc(3, quotes=True)
        is_type = gid.kind == "type"
        t = gid.type
        d.add(".. bro:type:: " if is_type else ".. bro:id:: ")
        d.add(gid.name)
        d.push()
        d.nl()
        if t is not None:
            d.add(":Type: ")
            if not is_type and t.name:
                d.add(":bro:type:`")
                d.add(t.name)
                d.add("`")
            else:
                self.types.structure(d, t)
            d.nl()
        if gid.attrs:
            d.add(":Attributes: ")
            self.types.attrs(d, gid.attrs)
            d.nl()
        if not is_type and t is not None and t.kind != "func" and t.kind not in ("void", "any"):
            self.default(d, t, gid.value)
        lines = self.index.comments(gid)
        if not lines:
            return d.text()
        d.level = 0
        d.push()
        func = t is not None and t.kind == "func"
        for i, line in enumerate(lines):
            if i:
                d.nl()
            if func:
                line, changed = prettify_param(line)
                if changed:
                    d.nl()
            d.add(line)
        return d.text()

    def default(self, d: Desc, t, v) -> None:
        if v is UNSET or v is None:
            return
        d.add(":Default:")
        if is_atomic(t):
            d.sp()
            d.add("``")
            write_value(d, t, v)
            d.add("``")
            d.nl()
        elif t.kind == "table" and len(v) == 0:
            d.add(" ``{}``")
            d.nl()
        else:
            d.nl()
            d.nl()
            d.add("::")
            d.nl()
            d.push()
            write_default_block(d, t, v, self.index.interp)
            d.pop()
