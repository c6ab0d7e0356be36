"""The process's stdout as Bro's is (language.md §4.9).

Bro's stdout is a C stdio stream: fully buffered when it is not a terminal
(a block of the file's preferred size), so in `bro x.bro >out 2>&1` every
error line, written unbuffered to stderr, comes before the prints that
preceded it; stdout is flushed at exit. When stdout or stderr is a terminal,
broscript writes each print at once, so what a user watches stays in order.

Python's own buffering of sys.stdout cannot be used for this: it depends on
PYTHONUNBUFFERED and on the block size Python picks, not on Bro's rules.
"""
from __future__ import annotations

import io
import os
import sys

DEFAULT_BLOCK = 8192


class LineWriter(io.RawIOBase):
    """Each write goes out at once (prints are whole lines)."""

    def __init__(self, raw):
        self.raw = raw

    def writable(self):
        return True

    def write(self, data):
        n = self.raw.write(data)
        self.raw.flush()
        return n

    def flush(self):
        self.raw.flush()


def open_stdout(stdout=None, stderr=None):
    """A binary writer for the script's stdout; `stdout`/`stderr` default to
    the process's streams."""
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    try:
        fd = stdout.fileno()
    except (AttributeError, OSError, ValueError):
        # not a real file (a test's capture): keep what it offers
        return getattr(stdout, "buffer", stdout)
    if _isatty(fd) or _isatty_stream(stderr):
        return LineWriter(getattr(stdout, "buffer", stdout))
    stdout.flush()
    try:
        block = os.fstat(fd).st_blksize or DEFAULT_BLOCK
    except OSError:
        block = DEFAULT_BLOCK
    # glibc gives a fully buffered stream a buffer of st_blksize bytes
    return io.BufferedWriter(io.FileIO(fd, "wb", closefd=False), buffer_size=block)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False


def _isatty_stream(s) -> bool:
    try:
        return _isatty(s.fileno())
    except (AttributeError, OSError, ValueError):
        return False
