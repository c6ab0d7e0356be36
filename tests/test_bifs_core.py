"""bro.bif builtins that goldens cannot pin: the seeded generator (needs a
seed file), processes (files in a tmp dir), time formats (TZ=UTC), file
magic with Bro's own signatures (bifs/core-1.md, bifs/core-2.md)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import BRO_SCRIPTS, broscript_env
from interpreter.runtime import seeds

# Zeek v2.6 testing/btest/random.seed (values.md §3.1)
BTEST_SEED = [2983378351, 1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240,
              1450515018, 1466150520, 1342286698, 1193956778, 2188527278, 3361989254,
              3912865238, 3596260151, 517973768, 1462428821, 0, 2278350848, 32767]


def run(tmp_path, source, env_extra=None, bropath=".", drop=()):
    """Run `source` as x.bro in tmp_path; (stdout, stderr, status)."""
    (tmp_path / "x.bro").write_text(source)
    env = broscript_env(BROPATH=bropath)
    for k in ("ZEEKPATH", "BRO_SEED_FILE", *drop):
        env.pop(k, None)
    env.update(env_extra or {})
    p = subprocess.run([sys.executable, "-m", "broscript", "-b", "x.bro"], cwd=tmp_path,
                       capture_output=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    return p.stdout.decode("latin-1"), p.stderr.decode("latin-1"), p.returncode


@pytest.fixture
def seed_file(tmp_path):
    f = tmp_path / "random.seed"
    f.write_text("\n".join(str(n) for n in BTEST_SEED) + "\n")
    return str(f)


# ------------------------------------------------------------------ seeds.py
def test_park_miller_draws_of_the_btest_seed():
    s = seeds.Seeds(BTEST_SEED)
    assert [s.draw() for _ in range(5)] == [44271454, 1040985516, 294295303, 566318480, 467169856]


def test_park_miller_zero_and_top_state_stick():
    assert seeds.park_miller(0) == 2147483647
    assert seeds.park_miller(2147483647) == 2147483647


def test_glibc_model_after_srandom_575():
    g = seeds.GlibcRandom(575)
    assert [g.random() for _ in range(3)] == [101927545, 2139621177, 1070724523]


def test_glibc_model_seed_zero_is_seed_one():
    a, b = seeds.GlibcRandom(0), seeds.GlibcRandom(1)
    assert [a.random() for _ in range(40)] == [b.random() for _ in range(40)]
    # glibc's first random() when nobody seeds
    assert seeds.GlibcRandom(1).random() == 1804289383


def test_seed_file_parsing():
    text = " ".join(str(n) for n in BTEST_SEED).encode()
    assert seeds.parse_seed_file(text) == BTEST_SEED
    assert seeds.parse_seed_file(b"1 2 3") is None
    assert seeds.parse_seed_file(text + b" 99 junk") == BTEST_SEED
    # %u wraps a negative number and keeps the low 32 bits of a big one
    nums = seeds.parse_seed_file(b"-1 4294967297 " + b"0 " * 19)
    assert nums[:2] == [4294967295, 1]


def test_hash_keys_of_the_btest_seed():
    s = seeds.Seeds(BTEST_SEED)
    # SipHash-2-4 of pool 2, counter 1: the A- id of bifs/core-1.md §5
    assert s.hash_key(bytes([2] + [0] * 7 + [1] + [0] * 7)) == 4925606787274805533


# ------------------------------------------------------------------ rand, ids, hmac
RAND_SCRIPT = """
print rand(1000), rand(1000), rand(1000);
srand(575);
print rand(1000), rand(1000), rand(1000);
"""


def test_rand_with_the_btest_seed(tmp_path, seed_file):
    out, err, rc = run(tmp_path, RAND_SCRIPT, {"BRO_SEED_FILE": seed_file})
    assert (out, err, rc) == ("20, 484, 137\n4, 634, 473\n", "", 0)


def test_rand_without_srand_continues(tmp_path, seed_file):
    src = "print rand(1000), rand(1000), rand(1000), rand(1000), rand(1000), rand(1000);\n"
    out, _, _ = run(tmp_path, src, {"BRO_SEED_FILE": seed_file})
    assert out == "20, 484, 137, 263, 217, 243\n"


def test_srand_zero_sticks_at_the_top(tmp_path, seed_file):
    src = "srand(0);\nprint rand(1000), rand(1000), rand(0);\n"
    out, _, _ = run(tmp_path, src, {"BRO_SEED_FILE": seed_file})
    assert out == "999, 999, 0\n"


def test_library_mode_srand_is_glibc(tmp_path):
    src = "srand(575);\nprint rand(1000), rand(1000), rand(1000);\n"
    out, err, rc = run(tmp_path, src)
    assert (out, err, rc) == ("47, 996, 498\n", "", 0)


def test_library_mode_is_reproducible(tmp_path):
    src = 'print rand(100000), unique_id("A-"), md5_hmac("x");\n'
    first = run(tmp_path, src)
    assert first == run(tmp_path, src)
    assert first[1] == "" and first[2] == 0


def test_unique_ids_with_the_btest_seed(tmp_path, seed_file):
    src = """
print unique_id("A-"), unique_id("B-"), unique_id("C-");
print unique_id_from(4, "D-"), unique_id_from(5, "E-"), unique_id_from(5, "F-");
"""
    out, err, rc = run(tmp_path, src, {"BRO_SEED_FILE": seed_file})
    assert out == ("A-rFj3eGxkRR5, B-q3FkxySjt2a, C-Chd8EgFWk2j\n"
                   "D-NHNewIpRB26, E-V26Y5PaLbW3, F-xUIu5RK8w0f\n")
    assert (err, rc) == ("", 0)


def test_unique_id_pools_are_independent(tmp_path, seed_file):
    src = """
print unique_id_from(5, "E-"), unique_id("A-"), unique_id_from(4, "D-"), unique_id("B-");
"""
    out, _, _ = run(tmp_path, src, {"BRO_SEED_FILE": seed_file})
    assert out == "E-V26Y5PaLbW3, A-rFj3eGxkRR5, D-NHNewIpRB26, B-q3FkxySjt2a\n"


def test_md5_hmac_with_the_btest_seed(tmp_path, seed_file):
    src = 'print md5_hmac("one"), md5_hmac("one", "two", "three");\n'
    out, _, _ = run(tmp_path, src, {"BRO_SEED_FILE": seed_file})
    assert out == "571c0a35c7858ad5a0e16b8fdb41adcd, 1751cbd623726f423f734e23a8c7ec06\n"


def test_missing_seed_file_is_fatal(tmp_path):
    out, err, rc = run(tmp_path, 'print "x";\n', {"BRO_SEED_FILE": "nope.seed"})
    assert out == ""
    assert err == ("warning: Could not open seed file 'nope.seed': No such file or directory\n"
                   "fatal error: Could not load seeds from file 'nope.seed'.\n\n")
    assert rc == 1


def test_short_seed_file_is_fatal(tmp_path):
    (tmp_path / "short.seed").write_text("1 2 3\n")
    out, err, rc = run(tmp_path, 'print "x";\n', {"BRO_SEED_FILE": "short.seed"})
    assert (out, err, rc) == ("", "fatal error: Could not load seeds from file 'short.seed'.\n\n", 1)


def test_empty_seed_variable_counts_as_unset(tmp_path):
    out, err, rc = run(tmp_path, "srand(575);\nprint rand(1000);\n", {"BRO_SEED_FILE": ""})
    assert (out, err, rc) == ("47\n", "", 0)


# ------------------------------------------------------------------ processes
def test_system_runs_in_the_background_with_output_to_a_file(tmp_path):
    src = """
event bro_init() {
	print system("echo thistest > out");
	print system("if");
}
"""
    out, _, rc = run(tmp_path, src)
    assert out == "0\n512\n" and rc == 0
    # the backgrounded shell may still be writing when broscript has ended
    for _ in range(200):
        if (tmp_path / "out").exists() and (tmp_path / "out").read_text():
            break
        subprocess.run(["sleep", "0.05"])
    assert (tmp_path / "out").read_text() == "thistest\n"


def test_system_env_sets_and_unsets_bro_arg_variables(tmp_path):
    src = """
@ifndef ( table_string_of_string )
type table_string_of_string: table[string] of string;
@endif
event bro_init() {
	print system_env("echo $BRO_ARG_TESTBRO > testfile", table(["testbro"] = "helloworld"));
	print getenv("BRO_ARG_TESTBRO") == "";
}
"""
    out, err, rc = run(tmp_path, src)
    assert (out, err, rc) == ("0\nT\n", "", 0)
    for _ in range(200):
        if (tmp_path / "testfile").exists() and (tmp_path / "testfile").read_text():
            break
        subprocess.run(["sleep", "0.05"])
    assert (tmp_path / "testfile").read_text() == "helloworld\n"


def test_piped_exec_writes_all_bytes_and_waits(tmp_path):
    src = 'print piped_exec("cat > test.txt", "\\x00\\x00hello\\x00\\x00");\n'
    out, err, rc = run(tmp_path, src)
    assert (out, err, rc) == ("T\n", "", 0)
    assert (tmp_path / "test.txt").read_bytes() == b"\x00\x00hello\x00\x00"


def test_piped_exec_child_output_comes_before_buffered_prints(tmp_path):
    # stdout fully buffered, as a C program's on a pipe (values.md §7.4)
    src = 'print "first";\nprint piped_exec("cat", "child\\n");\n'
    out, _, _ = run(tmp_path, src, drop=("PYTHONUNBUFFERED",))
    assert out == "child\nfirst\nT\n"


def test_piped_exec_reports_a_reader_that_went_away(tmp_path):
    src = 'print piped_exec("true", string_fill(200000, "x"));\n'
    out, err, rc = run(tmp_path, src)
    assert (out, err, rc) == ("F\n", "error: Failed to write all given data to true\n", 0)


def test_setenv_reaches_child_processes(tmp_path):
    src = 'setenv("BROSCRIPT_CHILD_VAR", "seen");\nprint piped_exec("echo $BROSCRIPT_CHILD_VAR > v", "");\n'
    out, _, _ = run(tmp_path, src)
    assert out == "T\n"
    assert (tmp_path / "v").read_text() == "seen\n"


# ------------------------------------------------------------------ time formats
def test_strftime_under_utc(tmp_path):
    src = """
print strftime("%Y-%m-%d %H:%M:%S", double_to_time(0)), strftime("%H%M%S %Y%m%d", double_to_time(0));
print strftime("%Y-%m-%d %H:%M:%S", double_to_time(123456789)), strftime("%H%M%S %Y%m%d", double_to_time(123456789));
print strftime("%c|%x|%Z|%z|%p|%j|%e", double_to_time(0));
print strftime("", double_to_time(0)), strftime("%S", double_to_time(1.9)), strftime("%S", double_to_time(-0.5));
print strftime("%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y%Y", double_to_time(0));
"""
    out, err, rc = run(tmp_path, src, {"TZ": "UTC", "LC_ALL": "C"})
    assert out == ("1970-01-01 00:00:00, 000000 19700101\n"
                   "1973-11-29 21:33:09, 213309 19731129\n"
                   "Thu Jan  1 00:00:00 1970|01/01/70|UTC|+0000|AM|001| 1\n"
                   "<strftime error>, 01, 00\n"
                   "<strftime error>\n")
    assert (err, rc) == ("", 0)


def test_strptime_under_utc(tmp_path):
    src = """
print strptime("%Y-%m-%d", "2012-10-19"), strptime("%Y", "2012-10-19"), strptime("%Y-%m-%d", "2012-1-9");
print strptime("%Y-%m-%d", "2012-02-30"), strptime("%y", "99"), strptime("%j", "100"), strptime("", "");
print strptime("%d %b %Y", "19 OCT 2012"), strptime("%s", "1350604800");
print strptime("%m", "1980-10-24");
print strptime("%Y-%m-%d", "12345-01-01");
"""
    out, err, rc = run(tmp_path, src, {"TZ": "UTC", "LC_ALL": "C"})
    assert out == ("1350604800.0, 1325376000.0, 1326067200.0\n"
                   "1330560000.0, 915148800.0, 0.0, 0.0\n"
                   "1350604800.0, 1350604800.0\n"
                   "0.0\n"
                   "0.0\n")
    assert err == ("warning: strptime conversion failed: fmt:%m d:1980-10-24\n"
                   "warning: strptime conversion failed: fmt:%Y-%m-%d d:12345-01-01\n")
    assert rc == 0


# ------------------------------------------------------------------ file magic
MAGIC_SCRIPT = """
@ifndef ( mime_match )
type mime_match: record { strength: int; mime: string; };
type mime_matches: vector of mime_match;
@endif
print identify_data("This is a test", T);
print identify_data("\\x89\\x50\\x4e\\x47\\x0d\\x0a\\x1a\\x0a\\x00", T);
print identify_data("");
print file_magic("\\x89PNG");
print identify_data("GIF89a");
"""


def test_magic_with_bros_own_signatures():
    from interpreter.builtins.magic import MAGIC_DIR, read_signatures
    sigs = read_signatures(str(BRO_SCRIPTS / MAGIC_DIR))
    # all 358 signatures of Bro 2.6 load and compile
    assert len(sigs) == 358

    def found(data):
        return sorted({(strength, mime) for mime, strength, rx in sigs if rx.match(data)})
    assert found(b"This is a test") == [(-20, b"text/plain")]
    assert found(b"\x89PNG\x0d\x0a\x1a\x0a\x00") == [(110, b"image/png")]
    assert found(b"") == []
    # signatures match at the first byte only
    assert found(b"xx\x89PNG") == []


def test_magic_with_our_own_signatures(tmp_path):
    out, err, rc = run(tmp_path, MAGIC_SCRIPT)
    assert out == ("text/plain\nimage/png\n<unknown>\n"
                   "[[strength=110, mime=image/png]]\nimage/gif\n")
    assert (err, rc) == ("", 0)
