"""The SQLite writer (bifs/logging-input.md §1.10): one table in
`<path>.sqlite`, one INSERT per row, through Python's sqlite3."""
from __future__ import annotations

import os
import sqlite3

from ..formats import AsciiFormat, unwrap, scalar_bytes
from ...runtime.values import UNSET
from .ascii import WriterFailed

SQL_TYPES = {"bool": "boolean", "int": "integer", "count": "integer", "port": "integer",
             "double": "double precision", "time": "double precision",
             "interval": "double precision"}


def int32(n: int) -> int:
    """sqlite3_bind_int takes a C int: the low 32 bits, signed."""
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n >= 1 << 31 else n


class SQLiteWriter:
    def __init__(self, info):
        self.info = info
        self.db = None

    def init(self):
        info = self.info
        table = info.config.get(b"tablename")
        if table is None:
            info.mgr.interp.reporter.write(
                f"{info.name}: tablename configuration option not found. Defaulting to path {info.path}")
            table = info.path
        else:
            table = table.decode("latin-1")
        self.table = table
        set_sep = info.const("LogSQLite::set_separator", b",")
        empty = info.const("LogSQLite::empty_field", b"(empty)")
        unset = info.const("LogSQLite::unset_field", b"-")
        # elements as the ASCII formatter writes them, with no column separator
        self.fmt = AsciiFormat(b"", set_sep, empty, unset)
        fname = f"{info.path}.sqlite"
        full = fname if os.path.isabs(fname) else os.path.join(info.log_dir, fname)
        try:
            self.db = sqlite3.connect(full, isolation_level=None)
            cols = ", ".join(f"'{c.name}' {SQL_TYPES.get(c.type.kind, 'text')}"
                             for c in info.columns)
            self.db.execute(f"CREATE TABLE IF NOT EXISTS {table} ( {cols} );")
            marks = ", ".join("?" for _ in info.columns)
            names = ", ".join(f"'{c.name}'" for c in info.columns)
            self.insert = f"INSERT INTO {table} ( {names} ) VALUES ( {marks} )"
        except sqlite3.Error as ex:
            raise WriterFailed(f"SQLite call failed: {ex}")

    def value(self, t, v):
        v = unwrap(v)
        if v is UNSET or v is None:
            return None
        k = t.kind
        if k == "bool":
            return 1 if v else 0
        if k in ("int", "count"):
            return int32(v)
        if k == "port":
            return v & 0xFFFF
        if k in ("double", "time", "interval"):
            return float(v)
        if k in ("table", "vector"):
            return self.fmt.field(t, v).decode("latin-1")
        data = scalar_bytes(k, v)
        return None if data == b"" else data.decode("latin-1")

    def write(self, values):
        row = [self.value(c.type, v) for c, v in zip(self.info.columns, values)]
        try:
            self.db.execute(self.insert, row)
        except sqlite3.Error as ex:
            raise WriterFailed(f"SQLite call failed: {ex}")

    def rotate(self, tmp):
        # the database stays; the postprocessor still runs (§1.10)
        return "/dev/null"

    def close(self):
        if self.db is not None:
            self.db.close()
            self.db = None
