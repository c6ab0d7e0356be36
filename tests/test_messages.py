"""Messages and command-line code keep script bytes as bytes (language.md
§6.1): a byte of a string constant inside a message reaches stderr as that
one byte, and `-e` code is read one byte per character as files are."""
import subprocess
import sys

from conftest import broscript_env


def run(args, cwd):
    return subprocess.run([sys.executable.encode(), b"-m", b"broscript", b"-b", *args],
                          cwd=cwd, capture_output=True, env=broscript_env(),
                          stdin=subprocess.DEVNULL, timeout=60)


def test_raw_byte_of_exec_code_in_a_message(tmp_path):
    proc = run([b"-e", b'print "a\x93b" + 1;'], tmp_path)
    assert proc.returncode == 1
    assert proc.stderr == (b"error in <command line>, line 1: "
                           b"requires arithmetic operands (a\x93b + 1)\n")


def test_exec_code_is_read_as_bytes(tmp_path):
    # "\xc3\xa9" is two bytes on the command line, so two in the string
    proc = run([b"-e", b'print |"\xc3\xa9"|, "\xc3\xa9";'], tmp_path)
    assert (proc.returncode, proc.stderr) == (0, b"")
    assert proc.stdout == b"2, \\xc3\\xa9\n"


def test_name_value_parameter_is_read_as_bytes(tmp_path):
    (tmp_path / "p.bro").write_bytes(b'const s = "" &redef;\nevent bro_init() { print |s|; }\n')
    proc = run([b"p.bro", b"s=\xc3\xa9"], tmp_path)
    assert (proc.returncode, proc.stderr, proc.stdout) == (0, b"", b"2\n")
