"""Write grammar/tables.py, the parser's LALR tables, from grammar/bro.lark.

    python tools/make_parse_tables.py

Run it after changing the grammar or lalr.analyse: a start with no
script cache reads the shipped tables instead of loading Lark and making
them, but only while their KEY matches (parser.tables_key());
tests/test_parse_fast.py fails when they are stale.
"""
from __future__ import annotations

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    from broscript import parser
    path = os.path.join(REPO, "grammar", "tables.py")
    parser.write_tables(path)
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
