"""Start-up as Bro 2.6 does it (language.md §7, bro26-surface.md "How Bro
2.6 loads them"): base/init-bare and base/init-frameworks-and-bifs from the
script path, also in bare mode, BROPATH before our own library."""
from __future__ import annotations

import subprocess
import sys

from broscript.interp import Interpreter
from broscript.loader import library_dir
from conftest import BRO_SCRIPTS, bro_path


def run(args, bropath, cwd=None):
    return subprocess.run([sys.executable, "-m", "broscript", *args], capture_output=True,
                          env={"BROPATH": bropath, "PATH": "/usr/bin:/bin"}, timeout=120,
                          stdin=subprocess.DEVNULL, cwd=cwd)


def test_bare_run_with_bro_26_library_says_nothing(tmp_path):
    # Bro's own init-bare.bro and init-frameworks-and-bifs.bro, unchanged,
    # with our generated base/bif stubs (Bro's tree has none)
    assert (BRO_SCRIPTS / "base" / "init-bare.bro").is_file()
    p = run(["-b", "-e", ""], bro_path(), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"", b"", 0)


def test_bare_run_with_bro_26_library_loads_bros_files(tmp_path):
    p = run(["-b", "-e", 'print Log::default_rotation_date_format, |Analyzer::disabled_analyzers|, '
                          'Input::default_mode, Broker::default_port;'], bro_path(), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"%Y-%m-%d-%H-%M-%S, 4, Input::MANUAL, 9999/tcp\n", b"", 0)


def test_bare_run_with_our_library_says_nothing(tmp_path):
    p = run(["-b", "-e", ""], str(tmp_path), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"", b"", 0)


def test_init_bare_and_frameworks_come_from_the_path_first(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "init-bare.bro").write_text(
        'global bro_init: event();\nglobal from_bare = "mine";\n')
    (tmp_path / "base" / "init-frameworks-and-bifs.bro").write_text(
        'global from_frameworks = 2;\n')
    p = run(["-b", "-e", "event bro_init() { print from_bare, from_frameworks; }"], str(tmp_path), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"mine, 2\n", b"", 0)
    # without -b, base/init-default is loaded after them, from the path too
    (tmp_path / "base" / "init-default.bro").write_text('global from_default = T;\n')
    p = run(["-e", "event bro_init() { print from_default; }"], str(tmp_path), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"T\n", b"", 0)
    p = run(["-b", "-e", "print from_default;"], str(tmp_path), cwd=tmp_path)
    assert p.returncode == 1 and b"unknown identifier from_default" in p.stderr


def test_order_init_bare_frameworks_default_scripts_code_redefs(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "init-bare.bro").write_text(
        'global bro_init: event();\nglobal trail = "bare" &redef;\n')
    (tmp_path / "base" / "init-frameworks-and-bifs.bro").write_text('redef trail = trail + ",frameworks";\n')
    (tmp_path / "base" / "init-default.bro").write_text('redef trail = trail + ",default";\n')
    (tmp_path / "s.bro").write_text('redef trail = trail + ",script";\n')
    p = run(["s.bro", "trail=last", "-e", 'redef trail = trail + ",code"; event bro_init() { print trail; }'],
            str(tmp_path), cwd=tmp_path)
    # Bro reads the NAME=VALUE redefs before the -e code (language.md §7.1)
    assert (p.stdout, p.stderr, p.returncode) == (b"last,code\n", b"", 0)
    p = run(["s.bro", "-e", 'redef trail = trail + ",code"; event bro_init() { print trail; }'],
            str(tmp_path), cwd=tmp_path)
    assert p.stdout == b"bare,frameworks,default,script,code\n"


def test_script_path_is_the_interpreters_own_environment(tmp_path):
    mine = tmp_path / "mine"
    (mine / "base").mkdir(parents=True)
    (mine / "base" / "init-bare.bro").write_text("global only_mine = 1;\n")
    (mine / "base" / "init-frameworks-and-bifs.bro").write_text("\n")
    a = Interpreter(environ={b"BROPATH": str(mine).encode()})
    b = Interpreter(environ={b"BROPATH": str(tmp_path / "empty").encode()})
    assert "only_mine" in a.globals and "only_mine" not in b.globals
    assert a.scripts[0] == f"{mine}/base/init-bare.bro"
    assert b.scripts[0] == f"{library_dir()}/base/init-bare.bro"
    c = Interpreter(environ={b"ZEEKPATH": str(mine).encode()})
    assert "only_mine" in c.globals


def test_zeek_names_of_the_start_and_end_events(tmp_path):
    p = run(["-b", "-e", 'event zeek_init() { print "init"; } event zeek_done() { print "done"; }'],
            str(tmp_path), cwd=tmp_path)
    assert (p.stdout, p.stderr, p.returncode) == (b"init\ndone\n", b"", 0)


def test_library_types_and_builtins_in_bare_mode(tmp_path):
    code = ('local c: conn_id = [$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=80/tcp]; '
            'print c, table_expire_interval, Log::WRITER_ASCII, Input::READER_ASCII, '
            'Files::ANALYZER_MD5, Analyzer::ANALYZER_HTTP, max_count(2, 3), '
            'split_string("a,b", /,/), Broker::PEERED, Cluster::Pool();')
    p = run(["-b", "-e", code], str(tmp_path), cwd=tmp_path)
    assert p.stderr == b""
    assert p.stdout == (b"[orig_h=1.2.3.4, orig_p=1/tcp, resp_h=5.6.7.8, resp_p=80/tcp], 10.0 secs, "
                        b"Log::WRITER_ASCII, Input::READER_ASCII, Files::ANALYZER_MD5, "
                        b"Analyzer::ANALYZER_HTTP, 3, [a, b], Broker::PEERED, []\n")
