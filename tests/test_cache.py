"""The script cache (cache.py): a warm run gives what a cold run and a
--no-cache run give; a changed file is read again; a damaged, truncated or
foreign entry is rebuilt; an unusable directory only costs speed;
concurrent runs do not corrupt it; --no-cache writes and --parse-only reads
nothing.  Every run gets its cache directory through its environment."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from broscript import cache
from conftest import broscript_env

# Doc comments, a pattern right after an @load (the loaded file ends with an
# operand, so the `/` is read in another context), @if both ways, |x|, and a
# declaration that spans an @load.
LIB = """\
##! The library.

module Lib;

export {
	## A documented constant.
	const answer = 42 &redef;   ##< its trailing doc
	global greet: function(who: string): string;
}

function greet(who: string): string
	{
	return fmt("hello, %s (%d)", who, |who|);
	}

module GLOBAL;

global last = 3
"""

MAIN = """\
@load ./lib
/ 1;
@if ( Lib::answer == 42 )
global branch = "then";
@else
global branch = "else";
@endif
@ifdef ( Lib::greet )
global has_greet = T;
@endif
type R: record {
	a: count;   ##< field a
	b: string &optional;
};
event bro_init()
	{
	local p = /fo+/;
	print Lib::greet("you"), branch, has_greet, last, p in "xfooy", |"abcd"|;
	print R($a=1), 3 / 1, 10.0.0.0/8, [::1], 80/tcp, 2 hrs;
	}
"""

EXPECTED = (b"hello, you (3), then, T, 3, T, 4\n"
            b"[a=1, b=<uninitialized>], 3, 10.0.0.0/8, ::1, 80/tcp, 2.0 hrs\n")


def scripts(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "lib.bro").write_text(LIB)
    (src / "main.bro").write_text(MAIN)
    return src


def run(src: Path, cache_dir, *args):
    env = broscript_env(BROPATH=".")
    env["BROSCRIPT_CACHE_DIR"] = str(cache_dir)
    return subprocess.run([sys.executable, "-m", "broscript", "-b", *args, "main.bro"], cwd=src,
                          capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def entries(cache_dir: Path):
    return sorted(p for p in cache_dir.iterdir() if p.name.startswith(("ast-", "tables-")))


def check(proc, out=EXPECTED):
    assert proc.stderr == b""
    assert proc.stdout == out
    assert proc.returncode == 0


def test_cold_warm_and_uncached_runs_agree(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    check(run(src, c))
    made = entries(c)
    assert len(made) >= 3                      # tables, lib.bro, main.bro
    stamps = {p: p.stat().st_mtime_ns for p in made}
    check(run(src, c))
    assert entries(c) == made
    check(run(src, c, "--no-cache"))
    # a warm run that learned nothing new leaves the entries alone
    assert {p: p.stat().st_mtime_ns for p in made} == stamps


def test_a_changed_file_is_read_again(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    check(run(src, c))
    (src / "lib.bro").write_text(LIB.replace("const answer = 42", "const answer = 41")
                                 .replace("global last = 3", "global last = 4"))
    proc = run(src, c)
    check(proc, EXPECTED.replace(b"then, T, 3", b"else, T, 4"))


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty", "garbage", "foreign-key"])
def test_a_damaged_or_foreign_entry_is_rebuilt(tmp_path, damage):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    check(run(src, c))
    made = entries(c)
    for p in made:
        blob = p.read_bytes()
        if damage == "flip":
            p.write_bytes(blob[:-5] + bytes([blob[-5] ^ 0x55]) + blob[-4:])
        elif damage == "truncate":
            p.write_bytes(blob[:len(blob) // 2])
        elif damage == "empty":
            p.write_bytes(b"")
        elif damage == "garbage":
            p.write_bytes(os.urandom(len(blob)))
    if damage == "foreign-key":
        # entries written by someone with another key are not trusted
        (c / "key").write_bytes(os.urandom(32))
    check(run(src, c))
    # and they were written again, now valid under the directory's key
    d = cache.DiskCache(str(c))
    for p in made:
        assert d.get(p.name) is not None, p.name


def test_an_unusable_cache_directory_only_costs_speed(tmp_path):
    src = scripts(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    check(run(src, blocker / "cache"))
    # a key file others may read is not a secret: the cache is not used
    c = tmp_path / "cache"
    c.mkdir()
    (c / "key").write_bytes(os.urandom(32))
    os.chmod(c / "key", 0o644)
    check(run(src, c))
    assert entries(c) == []


def test_a_read_only_cache_is_read_and_never_changed(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    check(run(src, c))
    before = {p.name: p.read_bytes() for p in c.iterdir()}
    for p in c.iterdir():
        os.chmod(p, 0o400)
    os.chmod(c, 0o500)
    try:
        check(run(src, c))
        (src / "main.bro").write_text(MAIN + "event bro_init() { print 1; }\n")
        check(run(src, c), EXPECTED + b"1\n")
    finally:
        os.chmod(c, 0o700)
    if os.geteuid() != 0:       # root writes anyway; others must not
        assert {p.name: p.read_bytes() for p in c.iterdir()} == before


def test_concurrent_runs_do_not_corrupt_the_cache(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    env = broscript_env(BROPATH=".")
    env["BROSCRIPT_CACHE_DIR"] = str(c)
    procs = [subprocess.Popen([sys.executable, "-m", "broscript", "-b", "main.bro"], cwd=src, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
             for _ in range(2)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert (out, err, p.returncode) == (EXPECTED, b"", 0)
    d = cache.DiskCache(str(c))
    for p in entries(c):
        assert d.get(p.name) is not None, p.name
    assert not [p for p in c.iterdir() if p.name.startswith(".")]
    check(run(src, c))


def test_no_cache_writes_nothing(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    check(run(src, c, "--no-cache"))
    assert not c.exists()


def test_parse_only_reads_nothing(tmp_path):
    src = scripts(tmp_path)
    c = tmp_path / "cache"
    env = broscript_env()
    env["BROSCRIPT_CACHE_DIR"] = str(c)
    (src / "alone.bro").write_text(MAIN.replace("@load ./lib\n/ 1;\n", ""))
    proc = subprocess.run([sys.executable, "-m", "broscript", "--parse-only", "alone.bro"],
                          cwd=src, capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)
    assert (proc.returncode, proc.stderr) == (0, b"")
    # reading needs the directory's key: had it looked, the key would exist
    assert not c.exists()


def test_disk_cache_round_trip_and_rejections(tmp_path):
    d = cache.DiskCache(str(tmp_path / "c"))
    data = {b"k": [(1, "a", None, 2.5, b"x", True)], "scan": [(3, "NAME", "x", 1, 0, None)]}
    d.put("ast-x", data)
    assert d.get("ast-x") == data
    assert d.get("missing") is None
    # an entry is bound to its name: renaming one does not make it another's
    os.replace(tmp_path / "c" / "ast-x", tmp_path / "c" / "ast-y")
    assert d.get("ast-y") is None
    assert os.stat(tmp_path / "c" / "key").st_mode & 0o777 == 0o600


def lex(text, prev_type):
    from broscript.lexer import Lexer
    from broscript.parseonly import _FirstBranch
    from broscript.parser import terminal_names
    lx = Lexer(terminal_names(), _FirstBranch())
    lx.prev_type = prev_type
    lx.push_file("./replayed.bro", text, None)
    return [(t.type, t.value, t.line, t.docs, t.post_docs) for t in lx.tokens()]


@pytest.mark.parametrize("first,second", [("NAME", None), (None, "NAME")])
def test_a_replayed_scan_reads_a_slash_as_its_context_says(first, second):
    # the file's first `/` follows whatever the file that @load-ed it read
    # last: a division after an operand, else the start of a pattern
    text = "## doc\n/ab/ ;\n##< post\nx @load foo\n;\n"
    old_share, old_disk = cache.share(True), cache.enabled()
    cache.enable(False)
    try:
        cache.forget_memory()
        recorded = lex(text, first)
        assert cache.scan_of(cache.file_key(text)) is not None
        replayed = lex(text, second)
        cache.forget_memory()
        live = lex(text, second)
        assert lex(text, first) == recorded
    finally:
        cache.share(old_share)
        cache.enable(old_disk)
        cache.forget_memory()
    assert replayed == live
    assert recorded != live
