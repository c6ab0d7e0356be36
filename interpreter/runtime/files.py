"""The streams behind Bro's `file` values (bifs/core-3.md §1.2).

A `FileVal` (values.py) is Bro's BroFile: every copy of a handle is the same
Python object, so closing or switching one to raw output changes it for all.
Its `fh` is one of the streams below, never None:

* `DiskStream`: a file opened by `open`/`open_for_append`, with a C-like
  4096-byte buffer (full buffering) or line buffering after `set_buf(f, F)`.
  Bro closes a file when the last value referring to it goes away; CPython's
  reference counting does the same for us (the buffered writer is flushed
  and closed when the stream is freed), and `flush_open_files` stands for the
  C library flushing every stream at exit.
* `StdStream`: `open("-")` and the `/dev/std*` names share the process's own
  stream and cannot be closed.
* `NOT_OPEN`: a closed handle, or one whose open failed: printing to it does
  nothing, writing gives F.
"""
from __future__ import annotations

import atexit
import os
import weakref

BUFSIZE = 4096          # glibc's default stdio buffer for a regular file


class NotOpen:
    is_open = False
    is_std = False

    def write(self, data: bytes) -> bool:
        return False

    def flush(self) -> bool:
        return True

    def close(self) -> bool:
        return True

    def set_line_buffered(self, line: bool) -> None:
        pass


NOT_OPEN = NotOpen()

_open_streams: "weakref.WeakSet[DiskStream]" = weakref.WeakSet()


class DiskStream:
    """A regular file, buffered as C stdio buffers it."""
    is_open = True
    is_std = False

    def __init__(self, fobj):
        self.f = fobj
        self.line = False
        _open_streams.add(self)

    def write(self, data: bytes) -> bool:
        try:
            if self.line and b"\n" in data:
                # glibc line buffering: everything up to the last newline goes
                # out now, the rest stays in the buffer
                cut = data.rindex(b"\n") + 1
                self.f.write(data[:cut])
                self.f.flush()
                data = data[cut:]
            if data:
                self.f.write(data)
        except (OSError, ValueError):
            return False
        return True

    def flush(self) -> bool:
        try:
            self.f.flush()
        except (OSError, ValueError):
            return False
        return True

    def fileno(self) -> int:
        return self.f.fileno()

    def close(self) -> bool:
        _open_streams.discard(self)
        try:
            self.f.close()
        except (OSError, ValueError):
            return False
        return True

    def set_line_buffered(self, line: bool) -> None:
        if line and not self.line:
            self.flush()
        self.line = line


class StdStream:
    """One of the process's own streams (bifs/core-3.md §1.2): shared with
    plain `print` or the reporter, never closed by `close`."""
    is_open = True
    is_std = True

    def __init__(self, write, flush, fileno=None):
        self._write = write
        self._flush = flush
        self._fileno = fileno

    def fileno(self) -> int:
        if self._fileno is None:
            raise OSError("no file descriptor")
        return self._fileno()

    def write(self, data: bytes) -> bool:
        try:
            self._write(data)
        except (OSError, ValueError):
            return False
        return True

    def flush(self) -> bool:
        try:
            self._flush()
        except (OSError, ValueError):
            return False
        return True

    def close(self) -> bool:
        return False

    def set_line_buffered(self, line: bool) -> None:
        pass


def open_disk(path: bytes, append: bool):
    """The opened stream, or the OSError of C's fopen."""
    fobj = open(path, "ab" if append else "wb", buffering=BUFSIZE)
    return DiskStream(fobj)


def size_on_disk(fv, loc, desc: str) -> float:
    """`|f|`: flush, then the file's size on disk (bifs/core-3.md §1.2).  Bro
    crashes on a closed handle; we report an expression error instead (at
    `loc`, the expression rendered as `desc`)."""
    fh = fv.fh
    if not fh.is_open:
        from ..errors import ExprError
        raise ExprError("file is not open", loc, desc)
    fh.flush()
    try:
        return float(os.fstat(fh.fileno()).st_size)
    except (OSError, ValueError, AttributeError):
        return 0.0


def flush_open_files() -> bool:
    ok = True
    for s in list(_open_streams):
        ok = s.flush() and ok
    return ok


def hooked_print(rt, fv, types, vals):
    """A print statement when a print_hook handler exists (bifs/core-3.md
    §1.2): the print itself (unless suppress_local_output), then the handler,
    synchronously, with the target and the text without its newline.  `fv`
    None is plain print to stdout."""
    from .describe import describe
    if fv is not None and not fv.fh.is_open:
        return
    if fv is not None and fv.raw:
        data = text = b"".join(describe(t, v, "rawfile") for t, v in zip(types, vals))
    else:
        data = b", ".join(describe(t, v, "print") for t, v in zip(types, vals)) + b"\n"
        # the hook's text is rendered in memory: table entries get tabs
        text = b", ".join(describe(t, v, "printhook") for t, v in zip(types, vals))
    suppress = rt.interp.globals.get("suppress_local_output")
    if suppress is None or suppress.value is not True:
        if fv is None:
            rt.out.write(data)
        else:
            fv.fh.write(data)
    if fv is None:
        fv = _stdout_handle(rt)
    rt.run_bodies(rt.print_hook, [fv, text])


def _stdout_handle(rt):
    """Bro's internal, nameless stdout file that print_hook receives."""
    h = getattr(rt, "_stdout_handle", None)
    if h is None:
        from .values import FileVal
        h = rt._stdout_handle = FileVal(None, StdStream(rt.out.write, rt.out.flush))
    return h


# C's exit() flushes every stdio stream, so files still open at the end of a
# run (globals, path A of language.md §5.3) are complete on disk.
atexit.register(flush_open_files)
