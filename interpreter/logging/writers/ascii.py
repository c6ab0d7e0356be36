"""The ASCII writer (bifs/logging-input.md §1.9): tab-separated files with
meta lines, TSV mode, JSON mode, gzip."""
from __future__ import annotations

import gzip
import os

from ..columns import type_label
from ..formats import AsciiFormat, JsonFormat, header_escape


class WriterFailed(Exception):
    """The writer reported an error and terminates (§1.8)."""


def _bool_option(name, value: bytes) -> bool:
    if value == b"T":
        return True
    if value == b"F":
        return False
    raise WriterFailed(f'invalid value for \'{name}\', must be a string and either "T" or "F"')


class AsciiWriter:
    def __init__(self, info):
        self.info = info
        self.fh = None
        self.stdout = False

    def options(self):
        """Consts first, then the filter's $config strings (§1.9.1)."""
        g = self.info.const
        cfg = self.info.config
        o = {
            "output_to_stdout": bool(g("LogAscii::output_to_stdout", False)),
            "use_json": bool(g("LogAscii::use_json", False)),
            "gzip_level": int(g("LogAscii::gzip_level", 0)),
            "json_timestamps": g("LogAscii::json_timestamps", None),
            "include_meta": bool(g("LogAscii::include_meta", True)),
            "meta_prefix": g("LogAscii::meta_prefix", b"#"),
            "separator": g("LogAscii::separator", g("Log::separator", b"\t")),
            "set_separator": g("LogAscii::set_separator", g("Log::set_separator", b",")),
            "empty_field": g("LogAscii::empty_field", g("Log::empty_field", b"(empty)")),
            "unset_field": g("LogAscii::unset_field", g("Log::unset_field", b"-")),
            "tsv": False,
        }
        ts = o["json_timestamps"]
        o["json_timestamps"] = ts.name.encode() if ts is not None else b"JSON::TS_EPOCH"
        for key in ("tsv", "use_json", "output_to_stdout"):
            if key.encode() in cfg:
                o[key] = _bool_option(key, cfg[key.encode()])
        if b"gzip_level" in cfg:
            o["gzip_level"] = _atoi(cfg[b"gzip_level"])
        for key in ("json_timestamps", "separator", "set_separator", "empty_field",
                    "unset_field", "meta_prefix"):
            if key.encode() in cfg:
                o[key] = cfg[key.encode()]
        if not 0 <= o["gzip_level"] <= 9:
            raise WriterFailed("invalid value for 'gzip_level', must be a number between 0 and 9.")
        if o["json_timestamps"] not in (b"JSON::TS_EPOCH", b"JSON::TS_MILLIS", b"JSON::TS_ISO8601"):
            raise WriterFailed(f"Invalid JSON timestamp format: {o['json_timestamps'].decode('latin-1')}")
        if o["use_json"]:
            o["include_meta"] = False
        return o

    def init(self):
        info = self.info
        o = self.o = self.options()
        path = info.path
        if o["output_to_stdout"]:
            path = "/dev/stdout"
        self.shown_path = path
        if path.startswith("/dev/"):
            fname = path
        else:
            ext = info.environ.get(b"BRO_LOG_SUFFIX", b"").decode("latin-1") or "log"
            fname = f"{path}.{ext}" + (".gz" if o["gzip_level"] > 0 else "")
        self.fname = fname
        if o["use_json"]:
            self.fmt = JsonFormat(o["json_timestamps"].decode().split("::")[-1], info.report)
        else:
            self.fmt = AsciiFormat(o["separator"], o["set_separator"], o["empty_field"],
                                   o["unset_field"])
        self.open()

    def full(self, fname: str) -> str:
        return fname if os.path.isabs(fname) else os.path.join(self.info.log_dir, fname)

    def open(self):
        """Open (truncating) and write the header: at the first write, and
        at the first write after a rotation (§1.9.9)."""
        o, fname = self.o, self.fname
        if fname == "/dev/stdout":
            self.stdout = True
            self.fh = self.info.stdout
        else:
            try:
                if o["gzip_level"] > 0:
                    self.fh = gzip.open(self.full(fname), "wb", compresslevel=o["gzip_level"])
                else:
                    self.fh = open(self.full(fname), "wb")
            except OSError as ex:
                raise WriterFailed(f"cannot open {fname}: {ex.strerror}")
        self.header()

    def put(self, data: bytes):
        self.fh.write(data)
        self.fh.flush()

    def header(self):
        o = self.o
        sep = o["separator"]
        names = [c.name.encode("latin-1") for c in self.info.columns]
        if o["tsv"]:
            self.put(sep.join(names) + b"\n")
            return
        if not o["include_meta"]:
            return
        p = o["meta_prefix"]
        types = [type_label(c.type).encode() for c in self.info.columns]
        lines = [
            p + b"separator " + header_escape(sep),
            p + b"set_separator" + sep + header_escape(o["set_separator"]),
            p + b"empty_field" + sep + header_escape(o["empty_field"]),
            p + b"unset_field" + sep + header_escape(o["unset_field"]),
            p + b"path" + sep + header_escape(self.shown_path.encode("latin-1")),
            p + b"open" + sep + self.info.timestamp().encode(),
            p + b"fields" + sep + sep.join(names),
            p + b"types" + sep + sep.join(types),
        ]
        self.put(b"".join(line + b"\n" for line in lines))

    def write(self, values):
        if self.fh is None:
            self.open()
        cols = self.info.columns
        if self.o["use_json"]:
            line = self.fmt.row(cols, values)
        else:
            fmt = self.fmt
            line = self.o["separator"].join(fmt.field(c.type, v) for c, v in zip(cols, values))
        # a row that looks like a meta line gets its first byte escaped (§1.9.6)
        prefix = self.o["meta_prefix"]
        if line and line.startswith(prefix):
            line = b"\\x%02x" % line[0] + line[1:]
        self.put(line + b"\n")

    def rotate(self, tmp: str):
        """§1.9.9: footer, close, rename to `<tmp>.<ext>[.gz]`; the new name,
        or None when there was nothing to rotate (no file open, or a
        special /dev/ path)."""
        if self.fh is None or self.stdout or self.info.path.startswith("/dev/"):
            return None
        self.close()
        new = tmp + self.fname[len(self.info.path):]
        try:
            os.rename(self.full(self.fname), self.full(new))
        except OSError as ex:
            raise WriterFailed(f"failed to rename {self.fname} to {new}: {ex.strerror}")
        return new

    def close(self):
        if self.fh is None:
            return
        o = self.o
        if o["include_meta"] and not o["tsv"]:
            self.put(o["meta_prefix"] + b"close" + o["separator"] + self.info.timestamp().encode() + b"\n")
        if not self.stdout:
            self.fh.close()
        self.fh = None


def _atoi(b: bytes) -> int:
    s = b.strip()
    n = 0
    neg = s[:1] == b"-"
    if s[:1] in (b"-", b"+"):
        s = s[1:]
    for c in s:
        if not 0x30 <= c <= 0x39:
            break
        n = n * 10 + c - 0x30
    return -n if neg else n
