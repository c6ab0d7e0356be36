"""Start-up memo: a program that checked cleanly last time need not have
its function bodies checked before it runs (issue 12).

Bro checks every function, event and hook body while it parses, and so
does broscript: an error in a body nobody calls still stops the run.  That
is most of a warm start's work (Bro's init-default declares thousands of
bodies, a run calls a few hundred), and checking is a function of the
program alone.  So, after a load in which nothing at all was reported, the
script cache keeps, under a key of the command line (`run_key`), the
program's fingerprint and the one fact later stages take from the checking
of bodies (the events they raise, for check_for_unused_event_handlers).

The next run with that key loads *speculatively*: bodies are checked on
their first call instead (declare.py), with the globals then visible that
were visible where they stand (deferred.GlobalTable), and everything the run
writes while it loads is held back (HeldStream).  At the end of loading the
fingerprint of what was actually read is compared with the memo's:
  * the same: the program is the one that checked cleanly; what was held
    back goes out, and the run goes on;
  * different (a script, an `@if` outcome, the code changed): the held
    output is dropped and the load starts again from nothing, checking
    every body where it stands (`Miss`), so messages are exactly Bro's.

The fingerprint (`Program`) covers broscript's own code, each text read in
order (files, -e code, NAME=VALUE redefs, standard input) and each `@if`,
`@ifdef` and `@ifndef` outcome: together they decide every declaration
read and the order it is read in, which is all that checking a body sees.
The memo also keeps the size and time of each file read: a script edited
since (the usual case of a changed program) is seen before loading, and
the run loads as read straight away rather than finding out at the end.
"""
from __future__ import annotations

import hashlib
import os
from typing import Optional

from . import cache

# environment variables that choose what a run loads (language.md §7.4,
# §1.6; cluster.md §0): part of the key, so that runs differing in them
# keep a memo each
KEY_ENV = (b"BROPATH", b"ZEEKPATH", b"BRO_PREFIXES", b"CLUSTER_NODE", b"BRO_SEED_FILE")

_code: Optional[bytes] = None


# what speculative loads came to, for tests
STATS = {"stored": 0, "hit": 0, "miss": 0}


class Miss(Exception):
    """A speculative load read another program than the memo's."""


def code_fingerprint() -> bytes:
    """Every module and data file of broscript's package, by name, size
    and modification time: a change to the checker is a change to what
    checking a body gives.  (Scripts, ours included, are in the program's
    own fingerprint, by their text.)"""
    global _code
    if _code is None:
        h = hashlib.blake2b(digest_size=16)
        h.update(cache.fingerprint().encode())
        root = os.path.dirname(os.path.abspath(__file__))
        todo = [root]
        while todo:
            d = todo.pop()
            try:
                entries = sorted(os.scandir(d), key=lambda e: e.name)
            except OSError:
                continue
            for e in entries:
                if e.is_dir(follow_symlinks=False):
                    if e.name != "__pycache__":
                        todo.append(e.path)
                elif e.name.endswith((".py", ".txt")):
                    st = e.stat()
                    h.update(f"{e.path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
        _code = h.digest()
    return _code


class Program:
    """The fingerprint of what a load read, accumulated as it reads, and
    the files it read."""
    __slots__ = ("h", "paths")

    def __init__(self):
        self.h = hashlib.blake2b(digest_size=20)
        self.paths: list = []

    def text(self, name: str, text: str, path: Optional[str] = None) -> None:
        self.h.update(b"\1" + name.encode("utf-8", "surrogateescape") + b"\0" + _digest(text))
        if path is not None:
            self.paths.append(path)

    def file_stats(self) -> list:
        """(path, size, modification time) of each file read: a script
        edited since is seen before a load is attempted (`lookup`)."""
        return [s for s in (_stat(p) for p in dict.fromkeys(self.paths)) if s is not None]

    def outcome(self, value: bool) -> None:
        self.h.update(b"\2" if value else b"\3")

    def digest(self) -> bytes:
        return self.h.copy().digest()


_DIGESTS: dict = {}


def _digest(text: str) -> bytes:
    """A text's digest, once per text of the process (the nodes of a
    simulated cluster read the same texts)."""
    d = _DIGESTS.get(text)
    if d is None:
        d = _DIGESTS[text] = hashlib.blake2b(text.encode("utf-8", "surrogateescape"),
                                             digest_size=20).digest()
    return d


def run_key(argv, environ, *extra) -> Optional[str]:
    """The memo's key for a command line, or None when the cache is off."""
    if cache.disk() is None:
        return None
    h = hashlib.blake2b(digest_size=20)
    h.update(code_fingerprint())
    for a in list(argv) + [str(x) for x in extra]:
        h.update(a.encode("utf-8", "surrogateescape") + b"\0")
    try:
        h.update(os.getcwd().encode("utf-8", "surrogateescape"))
    except OSError:
        return None
    for k in KEY_ENV:
        h.update(b"\1" + k + b"=" + (environ.get(k) or b""))
    return "memo-" + h.hexdigest()


def _stat(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return path, st.st_size, st.st_mtime_ns


def lookup(key: Optional[str], stats: Optional[dict] = None):
    """(fingerprint, events raised) kept for `key`, or None.  None too when
    a file the remembered load read has changed since (size or time): the
    load would only find out at its end and start again.  `stats`: the
    files' stats as already found (the nodes of one simulated cluster read
    the same files)."""
    if key is None:
        return None
    d = cache.disk()
    data = d.get(key) if d is not None else None
    if not (isinstance(data, tuple) and len(data) == 3 and isinstance(data[0], bytes)
            and isinstance(data[1], list) and all(isinstance(x, str) for x in data[1])
            and isinstance(data[2], list)):
        return None
    for ent in data[2]:
        if not (isinstance(ent, tuple) and len(ent) == 3 and isinstance(ent[0], str)):
            return None
        if stats is None:
            now = _stat(ent[0])
        elif ent[0] in stats:
            now = stats[ent[0]]
        else:
            now = stats[ent[0]] = _stat(ent[0])
        if now != ent:
            return None
    return data[0], data[1]


def store(key: Optional[str], program: "Program", events) -> None:
    d = cache.disk()
    if key is not None and d is not None:
        d.put(key, (program.digest(), sorted(events), program.file_stats()))
        STATS["stored"] += 1


class HeldStream:
    """A stream whose writes wait until the speculative load is known to be
    the program it expected (`release`), or are dropped (`drop`).  Whoever
    holds it (the runtime, the reporter, a file value for stdout) keeps
    writing to the same object either way."""

    def __init__(self, target):
        self._target = target
        self._held: Optional[list] = []

    def write(self, data):
        if self._held is None:
            return self._target.write(data)
        self._held.append(data)
        return len(data)

    def flush(self):
        if self._held is None:
            self._target.flush()

    def release(self):
        held, self._held = self._held, None
        for data in held or ():
            self._target.write(data)

    def drop(self):
        """Nothing held or written later goes out (the load starts again)."""
        self._held = []
        self._target = _Nowhere()

    def __getattr__(self, name):
        # anything else (fileno for a child process, isatty): the real
        # stream, with what was held written first
        if self._held is not None:
            self.release()
        return getattr(self._target, name)


class _Nowhere:
    def write(self, data):
        return len(data)

    def flush(self):
        pass

    def __getattr__(self, name):
        raise AttributeError(name)
