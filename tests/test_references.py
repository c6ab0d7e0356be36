"""What comments cite must exist in the repository: every `language.md §2.5`
style citation names a spec under docs/spec/ and a section it has, and
every `something.py` a comment names is a module we have (issue 10)."""
from __future__ import annotations

import re

from conftest import REPO

SPEC = REPO / "docs" / "spec"
CITATION = re.compile(r"((?:bifs/)?[a-z0-9-]+\.md) §\s?([0-9]+(?:\.[0-9]+)*)")
HEADING = re.compile(r"#+\s+(?:§\s*)?([0-9]+(?:\.[0-9]+)*)\.?\s")
MODULE = re.compile(r"(?<![\w.])((?:[a-z_]+/)*[a-z_]+\.py)(?![\w(])")


def sections():
    out = {}
    for p in list(SPEC.glob("*.md")) + list(SPEC.glob("bifs/*.md")):
        secs = {m.group(1) for m in map(HEADING.match, p.read_text().splitlines()) if m}
        out[p.name] = out[str(p.relative_to(SPEC))] = secs
    return out


def sources():
    for root in ("interpreter", "tests", "scripts", "grammar", "benchmarks"):
        for p in sorted((REPO / root).rglob("*")):
            if p.suffix in (".py", ".bro", ".lark") and ".venv" not in p.parts:
                yield p
    yield REPO / "README.md"


def test_every_spec_citation_resolves():
    secs = sections()
    bad = []
    for p in sources():
        for n, line in enumerate(p.read_text(errors="replace").splitlines(), 1):
            for m in CITATION.finditer(line):
                name, sec = m.group(1), m.group(2)
                if sec not in secs.get(name, ()):
                    bad.append(f"{p.relative_to(REPO)}:{n}: {name} §{sec}")
    assert bad == []


def test_named_modules_exist():
    ours = {p.name for p in (REPO / "interpreter").rglob("*.py")}
    ours |= {p.name for p in (REPO / "tests").rglob("*.py")}
    ours |= {p.name for p in (REPO / "benchmarks").rglob("*.py")}
    ours |= {p.name for p in (REPO / "tools").rglob("*.py")}
    bad = []
    for p in (REPO / "interpreter").rglob("*.py"):
        for n, line in enumerate(p.read_text().splitlines(), 1):
            for m in MODULE.finditer(line):
                if m.group(1).rsplit("/", 1)[-1] not in ours:
                    bad.append(f"{p.relative_to(REPO)}:{n}: {m.group(1)}")
    assert bad == []


def test_the_citation_pattern_matches():
    # the checks above prove nothing if the patterns miss the usual forms
    assert CITATION.findall("see values.md §5.5 and bifs/core-1.md §3") == [
        ("values.md", "5.5"), ("bifs/core-1.md", "3")]
    assert "2.4.3" in sections()["language.md"]
    assert MODULE.findall("moved to compiler/records.py (see ops.py)") == [
        "compiler/records.py", "ops.py"]
