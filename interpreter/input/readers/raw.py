"""The raw reader (bifs/logging-input.md §2.9.2): a file, or the output of
a command, cut into records at `InputRaw::record_separator`, every record a
streamed entry of one string column (plus a bool "came from stderr" column
when `$config["read_stderr"]` asks for it).

A source ending in `|` is a command: the rest runs under `/bin/sh -c` in a
process group of its own, `$config["stdin"]` is written to it, and its exit
is reported with `InputRaw::process_finished`.  Bro reads a command's pipe
in a thread whenever data is there; broscript reads at the points of §2.8's
schedule instead and waits there for what the command writes, so that a
run gives the same events every time:

* MANUAL (and every re-run by `force_update`): the command's whole output,
  to the end of its pipes, and then its exit status (Bro reads a MANUAL
  pipe blocking too; that it may miss the exit is timing, Appendix B).
* STREAM: nothing at start (Bro's first non-blocking read finds the child
  just forked); at each heartbeat whatever the command writes until its
  pipes end or it stays silent for `QUIET` seconds.  An exit seen at a
  heartbeat ends the stream (Bro's DoUpdate returns false there, §2.9.2),
  after the end marker and `process_finished`.
"""
from __future__ import annotations

import os
import selectors
import signal
import subprocess
import time

from ...types import BOOL as _BOOL, COUNT as _COUNT, STRING as _STRING
from ..reader import MANUAL, REREAD, STREAM, Reader, register

# How long a STREAM read waits for a silent command before it gives back
# what it has (the rest comes at a later heartbeat).
QUIET = 0.25
READ_LIMIT = 1.0
# How long a command whose output has ended is given to exit before the
# read stops waiting for its status (it is checked again later).
EXIT_WAIT = 2.0
CHUNK = 65536


def split_records(buf: bytes, sep: bytes, at_eof: bool):
    """(records, rest): the records of `buf` cut at `sep` (Bro's GetLine);
    at the end of the input a last record without separator counts too."""
    out = []
    start = 0
    while True:
        i = buf.find(sep, start)
        if i < 0:
            break
        out.append(buf[start:i])
        start = i + len(sep)
    rest = buf[start:]
    if at_eof and rest:
        out.append(rest)
        rest = b""
    return out, rest


class Child:
    """A command run for the reader: its pipes and what was read from them."""

    def __init__(self, cmd: str, stdin: bytes | None, want_stderr: bool):
        self.proc = subprocess.Popen(
            ["/bin/sh", "-c", cmd],
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE if want_stderr else None,
            process_group=0)
        self.sel = selectors.DefaultSelector()
        self.bufs = {"out": b"", "err": b""}
        self.open = set()
        self.pending_in = stdin or b""
        for key, pipe in (("out", self.proc.stdout), ("err", self.proc.stderr)):
            if pipe is not None:
                os.set_blocking(pipe.fileno(), False)
                self.sel.register(pipe, selectors.EVENT_READ, key)
                self.open.add(key)
        if stdin is not None:
            os.set_blocking(self.proc.stdin.fileno(), False)
            if self.pending_in:
                self.sel.register(self.proc.stdin, selectors.EVENT_WRITE, "in")
            else:
                self.proc.stdin.close()
        self.status = None          # (code, by_signal) once reaped
        self.reported = False

    @property
    def drained(self) -> bool:
        return not self.open

    def pump(self, quiet: float | None) -> None:
        """Read (and feed stdin) until every output pipe has ended, or, with
        `quiet`, until nothing arrived for that many seconds or a read has
        taken READ_LIMIT seconds (a command that never stops talking)."""
        end = None if quiet is None else time.monotonic() + READ_LIMIT
        while self.open:
            if end is not None:
                left = end - time.monotonic()
                if left <= 0:
                    return
                quiet = min(quiet, left)
            events = self.sel.select(quiet)
            if not events:
                return
            for key, _ in events:
                if key.data == "in":
                    self._feed(key.fileobj)
                    continue
                try:
                    data = os.read(key.fileobj.fileno(), CHUNK)
                except BlockingIOError:
                    continue
                if data:
                    self.bufs[key.data] += data
                else:
                    self.sel.unregister(key.fileobj)
                    key.fileobj.close()
                    self.open.discard(key.data)

    def _feed(self, pipe) -> None:
        try:
            n = os.write(pipe.fileno(), self.pending_in[:CHUNK])
        except BlockingIOError:
            return
        except BrokenPipeError:
            n = len(self.pending_in)
        self.pending_in = self.pending_in[n:]
        if not self.pending_in:
            # all of $config["stdin"] is written: close, so the command sees its end
            self.sel.unregister(pipe)
            pipe.close()

    def take(self, key: str, sep: bytes) -> list:
        records, self.bufs[key] = split_records(self.bufs[key], sep, key not in self.open)
        return records

    def reap(self, wait: float) -> bool:
        """Whether the command has exited (waiting up to `wait` seconds)."""
        if self.status is None:
            try:
                rc = self.proc.wait(wait) if wait > 0 else self.proc.poll()
            except subprocess.TimeoutExpired:
                rc = None
            if rc is None:
                return False
            self.status = (-rc, True) if rc < 0 else (rc, False)
        return True

    def kill(self, force: bool) -> None:
        """Bro's CloseInput: SIGTERM to the command's process group, and with
        `force_kill` SIGKILL after a moment if it is still there."""
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f is not None and not f.closed:
                f.close()
        self.sel.close()
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                if force:
                    time.sleep(0.2)
                    if self.proc.poll() is None:
                        os.killpg(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            self.proc.wait(1.0)
        except subprocess.TimeoutExpired:
            pass


@register("Input::READER_RAW")
class RawReader(Reader):
    def open(self) -> bool:
        info = self.info
        src = info.source
        self.execute = src.endswith("|")
        self.path = src[:-1] if self.execute else src
        cfg = info.config
        stdin = cfg.get("stdin")
        self.stdin = None if stdin is None else stdin.encode("latin-1")
        self.use_stderr = "read_stderr" in cfg and self.execute
        self.force_kill = "force_kill" in cfg
        self.offset = atoi(cfg["offset"]) if "offset" in cfg else 0
        sep = self.env.option("InputRaw::record_separator")
        self.sep = sep if isinstance(sep, bytes) and sep else b"\n"
        self.file = None
        self.child = None
        self.ino = self.mtime = None
        self.ended = False          # the command's exit ended the stream

        if not src:
            return self._fail("No source path provided")
        want = 2 if self.use_stderr else 1
        if len(self.fields) != want:
            return self._fail(
                f"Filter for raw reader contains wrong number of fields -- got {len(self.fields)}, "
                f"expected {want}. Filters for the raw reader contain one string field when used "
                "in normal mode and one string and one bool fields when using execute mode with "
                "stderr capuring. Filter ignored.")
        if self.fields[0].kind != "string":
            return self._fail("First field for raw reader always has to be of type string.")
        if self.use_stderr and self.fields[1].kind != "bool":
            return self._fail("Second field for raw reader always has to be of type bool.")
        if self.execute and info.mode == REREAD:
            return self._fail("Rereading only supported for files, not for executables.")
        if self.offset and (self.execute or info.mode == REREAD):
            return self._fail("Offset only is supported for MODE_STREAM and MODE_MANUAL; "
                              "it is also not supported when executing a command")
        if not self._open_input():
            return False
        # Bro's DoInit ignores what its first DoUpdate returns: an exit seen
        # here does not end the stream (§2.9.2)
        self._read(initial=True)
        return True

    def _fail(self, msg: str) -> bool:
        self.sink.error(msg)
        return False

    def _open_input(self) -> bool:
        if self.execute:
            self.child = Child(self.path, self.stdin, self.use_stderr)
            return True
        try:
            self.file = open(self.path, "rb")
        except OSError:
            return self._fail(f"Init: cannot open {self.path}")
        if self.offset:
            # negative: counted from the end, -1 being the end itself (§2.9.2)
            if self.offset < 0:
                self.file.seek(self.offset + 1, os.SEEK_END)
            else:
                self.file.seek(self.offset)
        self.pending = b""
        return True

    def _close_input(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
        if self.child is not None:
            self.child.kill(self.force_kill)
            self.child = None

    # -- Bro's DoUpdate ------------------------------------------------------
    def update(self) -> bool:
        if self.ended:
            return True
        mode = self.info.mode
        if mode == REREAD:
            try:
                st = os.stat(self.path)
            except OSError:
                return self._fail(f"Could not get stat for {self.path}")
            # nothing recorded at the first read: the first poll re-reads;
            # mtime in nanoseconds, as the ASCII reader (Bro's whole seconds
            # miss a rewrite within the second, a timing accident)
            if (st.st_ino, st.st_mtime_ns) == (self.ino, self.mtime):
                return True
            self.ino, self.mtime = st.st_ino, st.st_mtime_ns
            self._close_input()
            if not self._open_input():
                return False
        elif mode == MANUAL:
            self._close_input()
            if not self._open_input():
                return False
        return self._read(initial=False)

    def heartbeat(self, now: float) -> bool:
        if self.info.mode in (REREAD, STREAM) and not self.ended:
            # Bro's DoHeartbeat calls Update() and reports success whatever
            # it returned: a stream ended by its command leaves quietly
            if not self.update():
                self._disable()
        return True

    def _disable(self) -> None:
        self.ended = True
        self.sink.disable()

    def _read(self, initial: bool) -> bool:
        if self.execute:
            return self._read_child(initial)
        data = self.pending + self.file.read()
        records, self.pending = split_records(data, self.sep, True)
        for r in records:
            self.sink.put([r])
        if self.info.mode != STREAM:
            self.sink.end_of_data()
        return True

    def _read_child(self, initial: bool) -> bool:
        child = self.child
        if child is None or child.reported:
            return True
        stream = self.info.mode == STREAM
        if stream and initial:
            return True
        child.pump(QUIET if stream else None)
        for r in child.take("out", self.sep):
            self.sink.put([r, False] if self.use_stderr else [r])
        if self.use_stderr:
            for r in child.take("err", self.sep):
                self.sink.put([r, True])
        if not stream:
            self.sink.end_of_data()
        if not child.reap(EXIT_WAIT if child.drained else 0):
            return True
        code, by_signal = child.status
        if by_signal:
            self.sink.error(f"Child process exited due to signal {code}")
        elif code != 0:
            self.sink.error(f"Child process exited with non-zero return code {code}")
        if stream:
            self.sink.end_of_data()
        self.sink.send_event("InputRaw::process_finished", [
            (_STRING, self.info.stream.encode("latin-1")),
            (_STRING, self.info.source.encode("latin-1")),
            (_COUNT, code), (_BOOL, by_signal)])
        # the exit is reported once; the stream ends unless this was the
        # first read (see heartbeat and open)
        child.reported = True
        return initial

    def close(self) -> None:
        self._close_input()


def atoi(text: str) -> int:
    """C atoi/atoll: optional blanks and sign, then digits, 0 when none."""
    s = text.lstrip(" \t\n\v\f\r")
    sign = -1 if s.startswith("-") else 1
    if s[:1] in "+-":
        s = s[1:]
    n = 0
    for c in s:
        if not c.isdigit():
            break
        n = n * 10 + int(c)
    return sign * n
