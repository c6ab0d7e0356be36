"""The binary reader (bifs/logging-input.md §2.9.3): a file in chunks of
`InputBinary::chunk_size` bytes, one string column per chunk.  MANUAL and
REREAD reads are tracked and end with the end marker; STREAM puts each
chunk and goes on from where it stopped at every heartbeat."""
from __future__ import annotations

import os

from ..reader import MANUAL, REREAD, STREAM, FileReader, register


@register("Input::READER_BINARY")
class BinaryReader(FileReader):
    def open(self) -> bool:
        self.path = self.info.source
        self.file = None
        self.ino = self.mtime = None
        self.firstrun = True
        size = self.env.option("InputBinary::chunk_size")
        # Bro falls back to 1024 for a chunk size of 0
        self.chunk = size if isinstance(size, int) and size > 0 else 1024
        if len(self.fields) != 1:
            self.sink.error("Filter for binary reader contains more than one field. Filters "
                            "for binary reader must contain exactly one string field. "
                            "Filter ignored.")
            return False
        if self.fields[0].kind != "string":
            self.sink.error("Filter for binary reader contains a non-string field.")
            return False
        if not self._open_input():
            return False
        # inode and mtime are taken now, so REREAD's first heartbeat finds
        # the file unchanged (§2.9.3)
        if self._changed() is None:
            return False
        return self.update()

    def _open_input(self) -> bool:
        try:
            self.file = open(self.path, "rb")
        except OSError:
            self.sink.error(f"Init: cannot open {self.path}")
            return False
        return True

    def _changed(self):
        """True/False whether the file's inode or mtime moved since the last
        look; None (after the error) when it cannot be looked at."""
        try:
            st = os.stat(self.path)
        except OSError:
            self.sink.error(f"Could not get stat for {self.path}")
            return None
        # mtime in nanoseconds, as the ASCII reader: Bro's whole seconds
        # miss a rewrite within the second of the last read (timing, App. B)
        now = (st.st_ino, st.st_mtime_ns)
        changed = now != (self.ino, self.mtime)
        self.ino, self.mtime = now
        return changed

    def update(self) -> bool:
        mode = self.info.mode
        if self.firstrun:
            self.firstrun = False
        elif mode in (REREAD, MANUAL):
            if mode == REREAD:
                changed = self._changed()
                if changed is None:
                    return False
                if not changed:
                    return True
            self.file.close()
            if not self._open_input():
                return False
        while True:
            data = self.file.read(self.chunk)
            if not data:
                break
            if mode == STREAM:
                self.sink.put([data])
            else:
                self.sink.send_entry([data])
        if mode != STREAM:
            self.sink.end_current_send()
        return True

