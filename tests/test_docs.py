"""`broscript --doc` (zeekygen.md): pages whose every byte is known.

* tests/data/pools.bro.rst is Bro 2.6's own page for
  base/frameworks/cluster/pools.bro (the seed, unchanged);
* tests/data/docs/all-kinds.bro has every kind of identifier broxygen
  documents, and all-kinds-base.bro the types it extends; their pages
  were written by hand from zeekygen.md's rules, not copied from our
  generator's output.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from broscript.docs import main_doc
from broscript.docs.desc import Desc
from broscript.docs.page import summary_sentence, table
from broscript.docs.rest import prettify_param
from conftest import broscript_env

DATA = Path(__file__).parent / "data"
DOCS = DATA / "docs"


@pytest.fixture
def bropath(monkeypatch):
    """BROPATH as Bro's default `.`, in a directory chosen by the test."""
    monkeypatch.delenv("ZEEKPATH", raising=False)
    monkeypatch.setenv("BROPATH", ".")

    def chdir(path):
        monkeypatch.chdir(path)
    return chdir


def test_pools_page_is_bros_page(bropath, tmp_path, capsysbinary):
    # §0: the seed, byte for byte (9515 bytes)
    bropath(tmp_path)
    assert main_doc(["base/frameworks/cluster/pools"], None, False) == 0
    assert capsysbinary.readouterr().out == (DATA / "pools.bro.rst").read_bytes()


def test_pools_page_in_bare_mode(bropath, tmp_path, capsysbinary):
    bropath(tmp_path)
    assert main_doc(["base/frameworks/cluster/pools"], None, True) == 0
    assert capsysbinary.readouterr().out == (DATA / "pools.bro.rst").read_bytes()


def test_doc_dir_names_files_like_bro(bropath, tmp_path, capsysbinary):
    # §1: <outdir>/base/frameworks/cluster/pools.bro.rst
    bropath(tmp_path)
    assert main_doc(["base/frameworks/cluster/pools"], str(tmp_path / "out"), True) == 0
    page = tmp_path / "out" / "base" / "frameworks" / "cluster" / "pools.bro.rst"
    assert page.read_bytes() == (DATA / "pools.bro.rst").read_bytes()
    assert capsysbinary.readouterr().out == b""


@pytest.mark.parametrize("script", ["all-kinds", "all-kinds-base"])
def test_every_kind_of_identifier(bropath, tmp_path, script):
    # all-kinds.bro redefines all-kinds-base.bro's enum, record and
    # constant, so both pages are made from one load of both scripts
    bropath(DOCS)
    out = tmp_path / "out"
    assert main_doc(["all-kinds", "all-kinds-base"], str(out), True) == 0
    name = script + ".bro.rst"
    assert (out / name).read_bytes() == (DOCS / name).read_bytes()


def test_cli_doc_option(tmp_path):
    env = broscript_env(BROPATH=".")
    env.pop("ZEEKPATH", None)
    proc = subprocess.run([sys.executable, "-m", "broscript", "--doc", "base/frameworks/cluster/pools"],
                          cwd=tmp_path, capture_output=True, env=env, timeout=120,
                          stdin=subprocess.DEVNULL)
    assert proc.stderr == b""
    assert proc.returncode == 0
    assert proc.stdout == (DATA / "pools.bro.rst").read_bytes()


def test_unknown_script_is_fatal(bropath, tmp_path):
    from broscript.errors import BroError
    bropath(tmp_path)
    with pytest.raises(BroError, match="can't find no/such/script"):
        main_doc(["no/such/script"], None, True)


# --------------------------------------------------------------------------
# single rules

def test_2_lazy_indentation():
    d = Desc(3)
    d.add("a")
    d.push()
    d.nl()            # nothing added: an empty line
    d.add("")         # empty text at a line start: the indentation only
    d.nl()
    d.add("b")
    d.pop_no_nl()
    d.nl()
    d.add("c")
    assert d.text() == "a\n\n   \n   b\nc"


def test_2_width_zero_indents_with_tabs():
    d = Desc(0)
    d.push()
    d.push()
    d.add("x")
    assert d.text() == "\n\n\t\tx"


@pytest.mark.parametrize("lines, expected", [
    (["Retrieve the topic via Rendezvous hash", "of an arbitrary key.", "More."],
     ["Retrieve the topic via Rendezvous hash", "of an arbitrary key."]),
    (["An alias of *name*, e.g. this."], ["An alias of *name*, e.g."]),
    (["derived from name/alias.x and more", ""], ["derived from name/alias.x and more"]),
    (["No period", "   ", "never reached."], ["No period"]),
    (["Ends here.\tTab after the period."], ["Ends here."]),
    ([], []),
])
def test_4_2_summary_sentence(lines, expected):
    assert summary_sentence(lines) == expected


def test_4_3_table_widths():
    assert table([["ab", ""], ["", "xyz"]]) == "== ===\nab \n   xyz\n== ===\n"
    assert table([["", ""]]) == "= =\n  \n= =\n"


@pytest.mark.parametrize("line, expected, changed", [
    ("pool: the pool.", ":pool: the pool.", True),
    ("Returns: a topic", ":returns: a topic", True),
    ("  key: indented", "  :key: indented", True),
    ("Cluster::node: scoped", ":Cluster::node: scoped", True),
    ("_x1: underscore", ":_x1: underscore", True),
    ("name :spaced", "name :spaced", False),
    ("key", "key", False),
    ("e.g. this", "e.g. this", False),
    ("1st: digit", "1st: digit", False),
    ("", "", False),
])
def test_5_6_prettify_params(line, expected, changed):
    assert prettify_param(line) == (expected, changed)
