"""Bro 2.6's own script library, unchanged, from BROPATH (issue 13 item 5).

Every tests/brolib/NAME.bro runs in a tmp directory as
`broscript -b NAME.bro` with BROPATH=.:<Bro 2.6 scripts>:policy:site (the
tree is read in place, conftest.bro_path()); a script whose first line
says `[init-default]` runs without -b, loading Bro's whole base library.
stdout must equal NAME.out, stderr NAME.err (empty if absent), the exit
status NAME.rc (0 if absent), and the files the run writes must be exactly
those in NAME.logs/ (none if absent), each equal byte for byte except the
wall-clock time of the ASCII writer's `#open`/`#close` lines.  Expected
outputs come from Bro's documented behaviour and the specs, never from
running broscript."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BRO_SCRIPTS, bro_path, broscript_env

HERE = Path(__file__).parent / "brolib"
CASES = sorted(HERE.glob("*.bro"))
STAMP = re.compile(rb"^(#open|#close)\t\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d$", re.M)


def run_bro(args, cwd, stdin=None):
    env = broscript_env(BROPATH=".:" + bro_path())
    env.pop("ZEEKPATH", None)
    return subprocess.run([sys.executable, "-m", "broscript", *args], cwd=cwd, capture_output=True,
                          env=env, timeout=300, input=stdin)


def _read(p: Path) -> bytes:
    return p.read_bytes() if p.exists() else b""


def _stamped(b: bytes) -> bytes:
    return STAMP.sub(rb"\1\tXXXX-XX-XX-XX-XX-XX", b)


@pytest.mark.parametrize("script", CASES, ids=[c.stem for c in CASES])
def test_bro_library_script(script: Path, tmp_path: Path):
    assert BRO_SCRIPTS.is_dir(), "Bro 2.6's scripts/ must be at ../shared/bro-2.6/scripts"
    shutil.copy(script, tmp_path / script.name)
    full = b"[init-default]" in script.read_bytes().split(b"\n", 1)[0]
    proc = run_bro(([] if full else ["-b"]) + [script.name], tmp_path)
    base = script.with_suffix("")
    rc = int(_read(Path(f"{base}.rc")).strip() or b"0")
    assert proc.stderr.decode("latin-1") == _read(Path(f"{base}.err")).decode("latin-1")
    assert proc.stdout.decode("latin-1") == _read(Path(f"{base}.out")).decode("latin-1")
    assert proc.returncode == rc
    logs = Path(f"{base}.logs")
    want = sorted(p.name for p in logs.iterdir()) if logs.is_dir() else []
    got = sorted(p.name for p in tmp_path.iterdir() if p.name != script.name)
    assert got == want
    for name in want:
        assert _stamped((tmp_path / name).read_bytes()).decode("latin-1") == \
            _stamped((logs / name).read_bytes()).decode("latin-1"), name


def test_check_all_policy_scripts(tmp_path: Path):
    """`-a test-all-policy` (Bro's --parse-only): Bro's whole base and every
    policy script are parsed and checked, with no message and exit 0.  The
    only file is policy/misc/profiling's prof.log, empty: its `redef
    profiling_file = open_log_file("prof")` runs while parsing, as in Bro."""
    proc = run_bro(["-a", "test-all-policy"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")
    assert [(p.name, p.read_bytes()) for p in tmp_path.iterdir()] == [("prof.log", b"")]


def test_check_only_checks_unused_declarations(tmp_path: Path):
    """-a checks a declaration that nothing uses, in a file made only of
    declarations (which a run makes on first use, deferred.py)."""
    (tmp_path / "lib.bro").write_text('module Z;\nexport {\n\tglobal x: count = "a";\n}\n')
    (tmp_path / "main.bro").write_text("@load ./lib\n")
    proc = run_bro(["-b", "-a", "main.bro"], tmp_path)
    assert proc.stderr == b'error in ./main.bro/../lib.bro, line 3: type clash in assignment (x)\n' \
        or proc.stderr.endswith(b'lib.bro, line 3: type clash in assignment (x)\n')
    assert proc.returncode == 1


def test_deferred_bodies_see_the_declaration_being_made(tmp_path: Path):
    """Making a deferred global can make others whose function bodies name
    the first (Bro's intel/main.bro: data_store's type DataStore names
    expire_host_data, whose body leads to a function reading data_store)."""
    (tmp_path / "lib.bro").write_text(
        "module L;\n"
        "export {\n\tglobal size: function(): count;\n}\n"
        "global expire: function(t: table[count] of count, i: count): interval;\n"
        "type Store: record { t: table[count] of count &expire_func=expire; };\n"
        "global store: Store &redef;\n"
        "function expire(t: table[count] of count, i: count): interval\n"
        "\t{\n\treturn |store$t| > 0 ? 0secs : 1sec;\n\t}\n"
        "function size(): count\n\t{\n\treturn |store$t|;\n\t}\n")
    (tmp_path / "main.bro").write_text("@load ./lib\nevent bro_init() { print L::size(); }\n")
    proc = run_bro(["-b", "main.bro"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"0\n", b"")


def test_loaded_scripts_log(tmp_path: Path):
    """policy/misc/loaded-scripts writes loaded_scripts.log from the
    bro_script_loaded events: every file read, in load order, indented two
    spaces per include level (language.md §5.1 step 6)."""
    proc = run_bro(["-b", "misc/loaded-scripts"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")
    lines = (tmp_path / "loaded_scripts.log").read_text().split("\n")
    assert lines[:5] == ["#separator \\x09", "#set_separator\t,", "#empty_field\t(empty)",
                         "#unset_field\t-", "#path\tloaded_scripts"]
    assert lines[6:8] == ["#fields\tname", "#types\tstring"]
    names = [ln for ln in lines if ln and not ln.startswith("#")]
    bro = str(BRO_SCRIPTS)
    assert names[0] == bro + "/base/init-bare.bro"
    assert names[1].startswith("  ") and names[1].endswith("/base/bif/const.bif.bro")
    assert bro + "/base/init-frameworks-and-bifs.bro" in names
    assert "  " + bro + "/base/frameworks/logging/__load__.bro" in names
    assert "    " + bro + "/base/frameworks/logging/main.bro" in names
    assert names[-2:] == [bro + "/policy/misc/loaded-scripts.bro", "  " + bro + "/base/utils/paths.bro"]
    assert lines[-2].startswith("#close\t") and lines[-1] == ""


def test_if_inside_a_body_of_a_declarations_only_file(tmp_path: Path):
    """An @if/@else inside a function body is decided while the file is
    read, also in a file made only of declarations (deferred.py reads such
    files quickly): one branch only, as Bro's NOTICE() takes its standalone
    branch and leaves peer_descr unset."""
    (tmp_path / "lib.bro").write_text(
        "module L;\nexport {\n\tglobal f: function(): string;\n}\n"
        "function f(): string\n\t{\n\tlocal s = \"\";\n"
        "\t@if ( F )\n\t\ts += \"if\";\n\t@else\n\t\ts += \"else\";\n\t@endif\n"
        "\treturn s;\n\t}\n")
    (tmp_path / "main.bro").write_text("@load ./lib\nevent bro_init() { print L::f(); }\n")
    proc = run_bro(["-b", "main.bro"], tmp_path)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"else\n", b"")
