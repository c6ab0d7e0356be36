"""The config reader (bifs/logging-input.md §2.9.5): lines `NAME VALUE`
that set `option` globals.  Each accepted line that changed since the
last read becomes an entry of two strings (name, value text) and an
`InputConfig::new_value` event carrying the value parsed with the
option's own type; the config framework (Part 3) turns that event into
`Config::set_value`."""
from __future__ import annotations

import os
import re

from ..convert import FieldOptions, ParseFailed, parse_field
from ...types import STRING
from ..reader import REREAD, STREAM, FileReader, register

# Bro's POSIX pattern ^([^[:blank:]]+)[[:blank:]]+(.*)$
_LINE = re.compile(r"([^ \t]+)[ \t]+(.*)", re.S)

_ATOMIC = {"bool", "int", "count", "port", "subnet", "addr", "double", "time",
           "interval", "enum", "string"}


def unsupported(t) -> bool:
    """Whether an option of type `t` cannot be set from a file (Bro's
    IsCompatibleType; records never can)."""
    k = t.kind
    if k in _ATOMIC:
        return False
    if k == "table":
        return (not t.is_set or t.indices is None or len(t.indices) != 1
                or t.indices[0].kind not in _ATOMIC)
    if k == "vector":
        return t.yield_ is None or t.yield_.kind not in _ATOMIC
    return True


@register("Input::READER_CONFIG")
class ConfigReader(FileReader):
    def open(self) -> bool:
        opt = self.env.option
        self.fail_on_file_problem = opt("InputConfig::fail_on_file_problem") is True
        sep = opt("InputConfig::set_separator")
        empty = opt("InputConfig::empty_field")
        # no unset marker for config files (§2.9.5)
        self.opts = FieldOptions(_text(sep, ","), _text(empty, ""), "")
        # the options as they are when the stream is made (Bro's constructor)
        self.types = self.env.options()
        self.values: dict = {}          # option -> last value text sent
        self.file = None
        self.pending = b""
        self.ino = self.mtime = None
        self.suppress = False
        return self.update()

    # Bro's FailWarn: a file problem is an error that ends the stream with
    # fail_on_file_problem, else a warning said once until the file is
    # opened again
    def _file_problem(self, msg: str) -> bool:
        if self.fail_on_file_problem:
            self.sink.error(msg)
            return False
        if not self.suppress:
            self.sink.warning(msg)
        self.suppress = True
        return True

    def _open_file(self) -> bool | None:
        """True if open; None (after the message) if it cannot be."""
        if self.file is not None:
            return True
        try:
            self.file = open(self.info.source, "rb")
        except OSError:
            self._file_problem(f"Init: cannot open {self.info.source}")
            return None
        self.pending = b""
        self.suppress = False
        return True

    def update(self) -> bool:
        mode = self.info.mode
        opened = self._open_file()
        if opened is None and self.fail_on_file_problem:
            return False
        if mode == REREAD:
            try:
                st = os.stat(self.info.source)
            except OSError:
                if self.file is not None:
                    self.file.close()
                    self.file = None
                return self._file_problem(f"Could not get stat for {self.info.source}")
            # mtime in nanoseconds, as the ASCII reader: Bro's whole seconds
            # miss a rewrite within the second of the last read (timing, App. B)
            now = (st.st_ino, st.st_mtime_ns)
            if now == (self.ino, self.mtime):
                return True
            self.ino, self.mtime = now
        if mode != STREAM and self.file is not None:
            # a whole new read: from the start of the file as it is now
            self.file.close()
            self.file = None
            if self._open_file() is None:
                return not self.fail_on_file_problem
        self._read()
        return True

    def _lines(self):
        """The lines still to read (Bro's GetLine: empty lines and `#`
        comments skipped, a trailing CR removed)."""
        if self.file is None:
            return []
        data = self.pending + self.file.read()
        self.pending = b""
        parts = data.split(b"\n")
        if parts and parts[-1] == b"":
            parts.pop()
        out = []
        for p in parts:
            if not p:
                continue
            if p.endswith(b"\r"):
                p = p[:-1]
            if p[:1] != b"#":
                out.append(p.decode("latin-1"))
        return out

    def _read(self) -> None:
        unseen = set(self.values)
        for line in self._lines():
            self._line(line, unseen)
        if self.info.mode != STREAM:
            self.sink.end_current_send()
        # an option missing from this read counts as changed when it is back
        for key in unseen:
            del self.values[key]

    def _line(self, line: str, unseen: set) -> None:
        m = _LINE.fullmatch(line)
        if m is None:
            self.sink.warning(f"Could not parse '{line}'; line has invalid format. Ignoring line.")
            return
        key, text = m.group(1), m.group(2)
        t = self.types.get(key)
        if t is None:
            self.sink.warning(f"Option '{key}' does not exist. Ignoring line.")
            return
        if unsupported(t):
            self.sink.warning(f"Option '{key}' has type '{_tag(t)}', which is not supported "
                              "for file input. Ignoring line.")
            return
        try:
            # a bad address is an error of the reader: it ends the stream
            # once this read is applied, but the read goes on (§2.7)
            value = parse_field(text, t, key, self.opts, self.sink)
        except ParseFailed:
            self.sink.warning(f"Could not convert line '{line}' to value. Ignoring line.")
            return
        unseen.discard(key)
        # only a changed text is sent: the reader compares with its own
        # last text, not with the option's value (§2.9.5)
        if self.values.get(key) == text:
            return
        self.values[key] = text
        row = [key.encode("latin-1"), text.encode("latin-1")]
        if self.info.mode == STREAM:
            self.sink.put(row)
        else:
            self.sink.send_entry(row)
        self.sink.send_event("InputConfig::new_value", [
            (STRING, self.info.stream.encode("latin-1")),
            (STRING, self.info.source.encode("latin-1")),
            (STRING, key.encode("latin-1")),
            (t, value)])



def _text(v, default: str) -> str:
    return v.decode("latin-1") if isinstance(v, bytes) else default


def _tag(t) -> str:
    """Bro's type_name of a type's tag, as the message shows it."""
    return str(t.kind)

