"""The SQLite reader (bifs/logging-input.md §2.9.6): runs
`$config["query"]` on `<source>.sqlite` and sends one tracked entry per
result row, its columns matched to the fields by name.  MANUAL mode only;
each `force_update` runs the query again.

Values are taken as SQLite's own C API gives them to Bro: a number
column read as text is SQLite's text of it, a text column read as a
number is its leading number; sets and vectors are text parsed with
`InputSQLite::set_separator`, `empty_field` and `unset_field`.
"""
from __future__ import annotations

import re
import sqlite3

from ..convert import FieldOptions, ParseFailed, parse_addr, parse_field
from ...runtime.values import UNSET, Subnet, make_port, PORT_MASKS
from ..reader import MANUAL, Reader, register


@register("Input::READER_SQLITE")
class SQLiteReader(Reader):
    def open(self) -> bool:
        info = self.info
        self.db = None
        if info.mode != MANUAL:
            self.sink.error("SQLite only supports manual reading mode.")
            return False
        query = info.config.get("query")
        if query is None:
            self.sink.error("No query specified when setting up SQLite data source "
                            f"{info.source}. Aborting.")
            return False
        self.query = query
        opt = self.env.option
        self.opts = FieldOptions(_text(opt("InputSQLite::set_separator"), ","),
                                 _text(opt("InputSQLite::empty_field"), "(empty)"),
                                 _text(opt("InputSQLite::unset_field"), "-"))
        path = info.source + ".sqlite"
        try:
            # read-write but never created, as Bro opens it
            self.db = sqlite3.connect(f"file:{_uri_path(path)}?mode=rw", uri=True)
        except sqlite3.Error as ex:
            return self._failed(ex)
        self.db.text_factory = bytes
        # Bro prepares the statement once, here: a bad query fails the init
        try:
            self.db.execute(f"EXPLAIN {query}")
        except sqlite3.Error as ex:
            return self._failed(ex)
        # what the first read returns does not matter to Bro's DoInit
        self.update()
        return True

    def _failed(self, ex) -> bool:
        # Python's message is sqlite3_errmsg's text
        self.sink.error(f"SQLite call failed: {ex}")
        return False

    def update(self) -> bool:
        if self.db is None:
            return True
        try:
            cur = self.db.execute(self.query)
        except sqlite3.Error as ex:
            return self._failed(ex)
        names = [d[0] for d in cur.description or ()]
        mapping = [-1] * len(self.fields)
        submapping = [-1] * len(self.fields)
        for i, name in enumerate(names):
            for j, f in enumerate(self.fields):
                for target, wanted in ((mapping, f.name), (submapping, f.secondary_name)):
                    if wanted is not None and wanted == name:
                        if target[j] != -1:
                            self.sink.error(f"SQLite statement returns several columns with name "
                                            f"{name}! Cannot decide which to choose, aborting")
                            return False
                        target[j] = i
        for j, f in enumerate(self.fields):
            if mapping[j] == -1:
                self.sink.error(f"Required field {f.name} not found after SQLite statement")
                return False
        try:
            for row in cur:
                vals = []
                for j, f in enumerate(self.fields):
                    v = self._value(f, row[mapping[j]],
                                    row[submapping[j]] if submapping[j] != -1 else None,
                                    submapping[j] != -1)
                    if v is _BAD:
                        return False
                    vals.append(v)
                self.sink.send_entry(vals)
        except sqlite3.Error as ex:
            return self._failed(ex)
        self.sink.end_current_send()
        return True

    def _value(self, f, cell, subcell, has_sub):
        """One cell as the threading value of field `f` (Bro's EntryToVal)."""
        if cell is None:
            return UNSET
        k = f.kind
        if k in ("string", "enum"):
            b = _as_text(cell)
            return b if k == "string" else b.decode("latin-1")
        if k == "bool":
            if type(cell) is not int:
                self.sink.error("Invalid data type for boolean - expected Integer")
                return _BAD
            if cell not in (0, 1):
                self.sink.error(f"Invalid value for boolean: {_c_int(cell)}")
                return _BAD
            return cell == 1
        if k == "int":
            return _as_int(cell)
        if k == "count":
            return _as_int(cell) & 0xFFFFFFFFFFFFFFFF
        if k in ("double", "time", "interval"):
            return _as_float(cell)
        if k == "port":
            proto = "unknown"
            if has_sub:
                if subcell is None:
                    self.sink.error("Port protocol definition did not contain text")
                else:
                    proto = _proto(_as_text(subcell).decode("latin-1"), self.sink)
            return make_port(_c_int(_as_int(cell)) & 0xFFFF, proto)
        text = _as_text(cell).decode("latin-1")
        if k == "subnet":
            addr, _, width = text.partition("/")
            w = _c_int(_as_int(width.encode("latin-1")))
            a = parse_addr(addr, self.sink)
            if (a >> 32) == 0xFFFF:
                w += 96
            return Subnet(a, w & 0xFF)
        if k == "addr":
            return parse_addr(text, self.sink)
        if k in ("table", "vector"):
            try:
                return parse_field(text, f.type, "", self.opts, self.sink)
            except ParseFailed:
                return _BAD
        self.sink.error(f"unsupported field format {k}")
        return _BAD

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


_BAD = object()


def _proto(text: str, sink) -> str:
    """Bro's formatter ParseProto: exactly one of the four names."""
    if text in PORT_MASKS:
        return text
    sink.error(f"Tried to parse invalid/unknown protocol: {text}")
    return "unknown"


def _text(v, default: str) -> str:
    return v.decode("latin-1") if isinstance(v, bytes) else default


def _uri_path(path: str) -> str:
    return path.replace("%", "%25").replace("?", "%3f").replace("#", "%23")


def _c_int(n: int) -> int:
    """A 64-bit value as C's 32-bit int keeps it (sqlite3_column_int)."""
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n >= 1 << 31 else n


def _as_text(cell) -> bytes:
    """sqlite3_column_text of a cell of any storage class."""
    if isinstance(cell, bytes):
        return cell
    if isinstance(cell, int):
        return str(cell).encode()
    return _real_text(cell).encode()


def _real_text(v: float) -> str:
    """SQLite's "%!.15g" for REAL values: always with a decimal point."""
    if v != v:
        return "NaN"
    if v in (float("inf"), float("-inf")):
        return "Inf" if v > 0 else "-Inf"
    s = "%.15g" % v
    mant, e, exp = s.partition("e")
    if "." not in mant:
        mant += ".0"
    return mant + (e + exp if e else "")


_NUM = re.compile(rb"\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _as_int(cell) -> int:
    """sqlite3_column_int64: a REAL truncated, TEXT/BLOB by its leading number."""
    if isinstance(cell, int):
        return cell
    if isinstance(cell, float):
        return int(cell) if cell == cell and abs(cell) < 2**63 else 0
    m = _NUM.match(cell)
    if m is None:
        return 0
    try:
        return int(float(m.group(0))) if (m.group(2) or m.group(3)) else int(m.group(0))
    except (ValueError, OverflowError):
        return 0


def _as_float(cell) -> float:
    if isinstance(cell, (int, float)):
        return float(cell)
    m = _NUM.match(cell)
    return float(m.group(0)) if m else 0.0
