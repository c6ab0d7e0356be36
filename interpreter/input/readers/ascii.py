"""The ASCII reader (bifs/logging-input.md §2.9.1): tab-separated files with
a `#fields` or plain header line, as Bro's ASCII writer writes them."""
from __future__ import annotations

import os

from ..convert import FieldOptions, ParseFailed, parse_field, split_like_getline
from ..reader import MANUAL, REREAD, STREAM, FileReader, register


class _Column:
    __slots__ = ("field", "position", "secondary")

    def __init__(self, field, position, secondary=-1):
        self.field = field
        self.position = position      # -1: optional field absent from the file
        self.secondary = secondary    # &type_column position or -1


def _text(v, default: str) -> str:
    if isinstance(v, bytes):
        return v.decode("latin-1")
    return default if v is None else str(v)


@register("Input::READER_ASCII")
class AsciiReader(FileReader):

    # ------------------------------------------------------------ set-up
    def open(self) -> bool:
        env, cfg = self.env, self.info.config
        self.separator = cfg.get("separator", _text(env.option("InputAscii::separator"), "\t"))
        set_sep = cfg.get("set_separator", _text(env.option("InputAscii::set_separator"), ","))
        empty = cfg.get("empty_field", _text(env.option("InputAscii::empty_field"), "(empty)"))
        unset = cfg.get("unset_field", _text(env.option("InputAscii::unset_field"), "-"))
        self.fail_on_invalid = self.config_flag(
            "fail_on_invalid_lines", env.option("InputAscii::fail_on_invalid_lines") is True)
        self.fail_on_file = self.config_flag(
            "fail_on_file_problem", env.option("InputAscii::fail_on_file_problem") is True)
        # separators are one character; a longer one is an error (which
        # disables the stream) and only its first character counts (§2.9.1)
        if len(self.separator) != 1:
            self.sink.error("separator length has to be 1. Separator will be truncated.")
        if len(set_sep) != 1:
            self.sink.error("set_separator length has to be 1. Separator will be truncated.")
        self.separator = self.separator[:1] or "\t"
        self.opts = FieldOptions(set_sep[:1] or ",", empty, unset)
        self.file = None
        self.header = None
        self.columns = []
        self.ino = self.mtime = 0
        self.suppress = False
        return self.update()

    # ------------------------------------------------------------ messages
    def fail_warn(self, is_error: bool, msg: str, suppress_future: bool = False) -> None:
        """A file problem: an error with the fail_on_* option, else a warning
        that is said once until the file opens again."""
        if is_error:
            self.sink.error(msg)
            return
        if not self.suppress:
            self.sink.warning(msg)
        if suppress_future:
            self.suppress = True

    # ------------------------------------------------------------ file
    def get_line(self):
        """The next header or data line: `\\r` stripped, empty lines and
        comments skipped, `#fields<sep>` lines yield their rest."""
        while True:
            raw = self.file.readline()
            if not raw:
                return None
            line = raw.decode("latin-1")
            if line.endswith("\n"):
                line = line[:-1]
            if line.endswith("\r"):
                line = line[:-1]
            if not line:
                continue
            if line[0] != "#":
                return line
            if len(line) > 8 and line.startswith("#fields") and line[7] == self.separator:
                return line[8:]

    def open_file(self) -> bool:
        if self.file is not None:
            return True
        src = self.info.source
        try:
            self.file = open(src, "rb")
        except OSError:
            self.fail_warn(self.fail_on_file, f"Init: cannot open {src}", True)
            return False
        if not self.read_header(False):
            self.file.close()
            self.file = None
            return False
        self.suppress = False
        return True

    def read_header(self, cached: bool) -> bool:
        src = self.info.source
        if not cached:
            line = self.get_line()
            if line is None:
                self.fail_warn(self.fail_on_file,
                               f"Could not read input data file {src}; first line could not be read",
                               True)
                return False
            self.header = line
        names = {}
        for pos, name in enumerate(split_like_getline(self.header, self.separator)):
            names[name] = pos
        cols = []
        for f in self.fields:
            pos = names.get(f.name)
            if pos is None:
                if f.optional:
                    cols.append(_Column(f, -1))
                    continue
                self.fail_warn(self.fail_on_file,
                               f"Did not find requested field {f.name} in input data file {src}.",
                               True)
                return False
            sec = -1
            if f.secondary_name:
                sec = names.get(f.secondary_name)
                if sec is None:
                    self.fail_warn(self.fail_on_file,
                                   f"Could not find requested port type field {f.secondary_name} "
                                   f"in input data file.", True)
                    return False
            cols.append(_Column(f, pos, sec))
        self.columns = cols
        return True

    # ------------------------------------------------------------ reading
    def heartbeat(self, now) -> bool:
        if self.info.mode in (REREAD, STREAM):
            return self.update()
        return True

    def update(self) -> bool:
        """Bro's DoUpdate: open if needed; REREAD reads only a changed file
        (inode or mtime); MANUAL and REREAD read it whole again; STREAM
        reads on from where it was (§2.9.1 "Modes")."""
        mode = self.info.mode
        if not self.open_file():
            return self.nothing_read()
        if mode == REREAD:
            try:
                st = os.stat(self.info.source)
            except OSError:
                self.fail_warn(self.fail_on_file, f"Could not get stat for {self.info.source}", True)
                self.close()
                return not self.fail_on_file
            # Bro compares st_mtime in whole seconds, so a file rewritten in
            # place within the second of its last read is missed, depending
            # on timing (Appendix B); the nanoseconds never miss a change
            if st.st_ino == self.ino and st.st_mtime_ns == self.mtime:
                return True
            self.ino, self.mtime = st.st_ino, st.st_mtime_ns
        if mode == STREAM:
            if not self.read_header(True):
                return not self.fail_on_file
        else:
            self.close()
            if not self.open_file():
                return self.nothing_read()
        if not self.read_lines():
            return False
        if mode != STREAM:
            self.sink.end_current_send()
        return True

    def nothing_read(self) -> bool:
        """The file could not be opened or its header not read: a failure
        with fail_on_file_problem; in MANUAL mode an empty read (§2.9.1)."""
        if self.fail_on_file:
            return False
        if self.info.mode == MANUAL:
            self.sink.end_current_send()
        return True

    def read_lines(self) -> bool:
        sep = self.separator
        put = self.sink.put if self.info.mode == STREAM else self.sink.send_entry
        while True:
            line = self.get_line()
            if line is None:
                return True
            parts = split_like_getline(line, sep)
            last = len(parts) - 1
            values = []
            bad = False
            for c in self.columns:
                f = c.field
                if c.position == -1:
                    values.append(_unset())
                    continue
                if c.position > last or c.secondary > last:
                    msg = (f"Not enough fields in line {line}. Found {last} fields, "
                           f"want positions {c.position} and {c.secondary}")
                    if self.fail_on_invalid:
                        self.sink.error(msg)
                        return False
                    self.sink.warning(msg)
                    bad = True
                    break
                try:
                    v = parse_field(parts[c.position], f.type, f.name, self.opts, self.sink)
                except ParseFailed:
                    self.sink.warning(f"Could not convert line '{line}' to Val. Ignoring line.")
                    bad = True
                    break
                if c.secondary != -1 and isinstance(v, int):
                    v = (v & 0xFFFF) | self.parse_proto(parts[c.secondary])
                values.append(v)
            if not bad:
                put(values)

    def parse_proto(self, text: str) -> int:
        from ...runtime.values import PORT_MASKS
        m = PORT_MASKS.get(text)
        if m is None:
            self.sink.error(f"Tried to parse invalid/unknown protocol: {text}")
            return 0
        return m


def _unset():
    from ...runtime.values import UNSET
    return UNSET
