"""The script cache: what parsing produced, kept between runs, as Python's
`__pycache__` keeps what compiling a `.py` produced.

What is kept depends only on bytes, never on what ran before:
  * the parser's tables (so a warm start does not import Lark), under the
    code fingerprint;
  * per script file (under the hash of the file's text): the record of its
    scan (lexer.py replays it instead of scanning again) and the AST of each
    declaration read from it, under a digest of the declaration's tokens.
    `@if` is evaluated while scanning, so a declaration's tokens may differ
    from run to run; the tokens themselves are the key, and the AST is a
    function of them alone (parser.parse_tokens).

Every key also holds the code fingerprint: broscript's version, the cache
format and the source of the modules that turn text into an AST, so an
edited parser never meets its predecessor's entries.

Files are `MAGIC + HMAC + payload`; the payload is `marshal` data of plain
lists, tuples, str, bytes, int, float, bool and None (never pickle: nothing
in a cache file can name code to run; a file entry's values are each
marshalled on their own and unpacked when first used), and the
HMAC-SHA256 is keyed by a random per-user key kept 0600 in the cache
directory, so an entry written by someone else (or damaged, or truncated)
is rejected and rebuilt.  Entries
are written to a temporary file and renamed into place, so a reader never
sees half a file and concurrent writers only race to write the same bytes.
Any OSError (a read-only or missing directory) only costs speed.

Location: `set_dir()` (tests), else $BROSCRIPT_CACHE_DIR, else
$XDG_CACHE_HOME/broscript, else ~/.cache/broscript.  `--no-cache` turns the
disk layer off; `--parse-only` never reads it.  The in-memory layer lets the
nodes of one `--simulate` run share one parse of each file (cluster/sim.py).
"""
from __future__ import annotations

import atexit
import hashlib
import hmac
import marshal
import os
import stat
from typing import Callable, Optional

FORMAT = 2
MAGIC = b"BROSCRC1"
MAC_LEN = 32
KEY_FILE = "key"

_dir_override: Optional[str] = None
_disk_on = False
_share = False
_disk: Optional["DiskCache"] = None
_fingerprint: Optional[str] = None

# in-memory layer: file key -> {decl digest: encoded AST}
_files: dict = {}
_dirty: set = set()


def set_dir(path: Optional[str]) -> None:
    """Use `path` as the cache directory (tests; None: back to the default).
    What this process learned so far goes to the directory it was read from."""
    global _dir_override, _disk
    flush()
    _dir_override = path
    _disk = None


def enable(on: bool = True) -> None:
    """Turn the disk layer on or off (the command line's --no-cache)."""
    global _disk_on
    _disk_on = on


def enabled() -> bool:
    return _disk_on


def share(on: bool = True) -> bool:
    """Keep parsed declarations in memory for this process (--simulate: every
    node reads the same scripts), whether or not the disk layer is on.
    Returns the setting before."""
    global _share
    old, _share = _share, on
    return old


def active() -> bool:
    return _disk_on or _share


def cache_dir() -> str:
    if _dir_override is not None:
        return _dir_override
    d = os.environ.get("BROSCRIPT_CACHE_DIR")
    if d:
        return d
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "broscript")


def fingerprint() -> str:
    """broscript's version + the cache format + the text-to-AST code."""
    global _fingerprint
    if _fingerprint is None:
        from . import __version__
        h = hashlib.sha256(f"{__version__}/{FORMAT}".encode())
        here = os.path.dirname(os.path.abspath(__file__))
        # what turns text into tokens and trees (addrs: which `[...]` is an
        # IPv6 address, decided while scanning; deferred: the quick scan's
        # items are kept too)
        for name in ("lexer.py", "parser.py", "literals.py", "nodes.py", "cache.py",
                     "astcodec.py", "lalr.py", "deferred.py", os.path.join("runtime", "addrs.py")):
            with open(os.path.join(here, name), "rb") as fh:
                h.update(fh.read())
        from .parser import grammar_text
        h.update(grammar_text().encode())
        _fingerprint = h.hexdigest()[:32]
    return _fingerprint


class DiskCache:
    def __init__(self, directory: str):
        self.dir = directory
        self._key: Optional[bytes] = None
        self.usable = True

    def key(self) -> Optional[bytes]:
        """The per-user HMAC key; made on first use.  A key file that is not
        ours alone (other owner, readable by others) disables the cache."""
        if self._key is not None or not self.usable:
            return self._key
        path = os.path.join(self.dir, KEY_FILE)
        try:
            try:
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            except FileNotFoundError:
                os.makedirs(self.dir, mode=0o700, exist_ok=True)
                self._make_key(path)
                fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                st = os.fstat(fd)
                if (not stat.S_ISREG(st.st_mode) or st.st_mode & 0o077
                        or (hasattr(os, "getuid") and st.st_uid != os.getuid())):
                    self.usable = False
                    return None
                key = os.read(fd, 64)
            finally:
                os.close(fd)
        except OSError:
            self.usable = False
            return None
        if len(key) != 32:
            self.usable = False
            return None
        self._key = key
        return key

    def _make_key(self, path: str) -> None:
        import tempfile
        fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".key-")
        try:
            os.fchmod(fd, 0o600)
            os.write(fd, os.urandom(32))
            os.close(fd)
            fd = -1
            try:
                # link, not rename: of two runs making a key at once, one wins
                os.link(tmp, path)
            except FileExistsError:
                pass
        finally:
            if fd >= 0:
                os.close(fd)
            os.unlink(tmp)

    def _mac(self, key: bytes, name: str, payload: bytes) -> bytes:
        return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()

    def get(self, name: str):
        """The data stored under `name`, or None if absent or not trusted."""
        key = self.key()
        if key is None:
            return None
        try:
            with open(os.path.join(self.dir, name), "rb") as fh:
                blob = fh.read()
        except OSError:
            return None
        if len(blob) < len(MAGIC) + MAC_LEN or not blob.startswith(MAGIC):
            return None
        mac = blob[len(MAGIC):len(MAGIC) + MAC_LEN]
        payload = blob[len(MAGIC) + MAC_LEN:]
        if not hmac.compare_digest(mac, self._mac(key, name, payload)):
            return None
        try:
            return marshal.loads(payload)
        except (ValueError, EOFError, TypeError):
            return None

    def put(self, name: str, data) -> None:
        key = self.key()
        if key is None:
            return
        try:
            payload = marshal.dumps(data)
        except ValueError:
            return
        blob = MAGIC + self._mac(key, name, payload) + payload
        tmp = None
        try:
            import tempfile     # only a run that writes needs it
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(blob)
            os.replace(tmp, os.path.join(self.dir, name))
            tmp = None
        except OSError:
            pass
        finally:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass


def disk() -> Optional[DiskCache]:
    global _disk
    if not _disk_on:
        return None
    if _disk is None:
        _disk = DiskCache(cache_dir())
    return _disk


# ---------------------------------------------------------------- parser tables
_memory_tables = None


def parser_tables(build: Callable[[], tuple]):
    """The parser's tables: from memory, from disk, or built (and stored)."""
    global _memory_tables
    if _memory_tables is not None:
        return _memory_tables
    d = disk()
    name = "tables-" + fingerprint()
    data = d.get(name) if d is not None else None
    if data is not None and not _valid_tables(data):
        data = None
    if data is None:
        data = build()
        if d is not None:
            d.put(name, data)
    _memory_tables = data
    return data


def _valid_tables(data) -> bool:
    try:
        actions, gotos, rules, start, end, names = data
        return (isinstance(actions, list) and isinstance(gotos, list) and isinstance(rules, list)
                and isinstance(start, dict) and isinstance(end, dict) and isinstance(names, dict)
                and len(actions) == len(gotos))
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- declarations
def file_key(text: str) -> str:
    return hashlib.sha256(text.encode("latin-1", "replace")).hexdigest()[:40]


def _entry_name(fkey: str) -> str:
    return f"ast-{fingerprint()}-{fkey}"


class Entry(dict):
    """A file's entry: key -> value, where each value is kept as its own
    `marshal` bytes until first asked for.  A warm start reads the entries
    of a few hundred files and uses a fraction of each (a .bif stub declares
    a thousand events, of which a script handles a handful): unpacking only
    what is looked at halves the time spent reading the cache.  No value we
    store is bytes itself (ASTs are tuples, scans lists), so a bytes value
    is one not unpacked yet."""
    __slots__ = ()

    def get(self, key, default=None):
        v = dict.get(self, key, default)
        if v.__class__ is bytes:
            try:
                v = marshal.loads(v)
            except (ValueError, EOFError, TypeError):
                v = default         # never trusted further than it unpacks
            dict.__setitem__(self, key, v)
        return v

    def packed(self) -> dict:
        return {k: v if v.__class__ is bytes else marshal.dumps(v) for k, v in self.items()}


def decls_of(fkey: str) -> Entry:
    """digest -> encoded AST for the file with text key `fkey` (`.get()`
    unpacks a value)."""
    entry = _files.get(fkey)
    if entry is None:
        entry = Entry()
        d = disk()
        if d is not None:
            data = d.get(_entry_name(fkey))
            if isinstance(data, dict):
                entry.update(data)
        _files[fkey] = entry
    return entry


def store_decl(fkey: str, digest: bytes, encoded) -> None:
    decls_of(fkey)[digest] = encoded
    _touch(fkey)


def scan_of(fkey: str):
    """The recorded scan of the file (lexer.Lexer._replay), or None."""
    items = decls_of(fkey).get("scan")
    return items if isinstance(items, list) else None


def store_scan(fkey: str, items: list) -> None:
    decls_of(fkey)["scan"] = items
    _touch(fkey)


def _touch(fkey: str) -> None:
    if _disk_on:
        if not _dirty:
            atexit.register(flush)
        _dirty.add(fkey)


def flush() -> None:
    """Write the files that gained entries this run."""
    d = disk()
    todo = list(_dirty)
    _dirty.clear()
    if d is None:
        return
    for fkey in todo:
        entry = _files.get(fkey)
        if entry:
            try:
                d.put(_entry_name(fkey), entry.packed())
            except ValueError:
                pass        # a value marshal cannot write: not kept


def forget_memory() -> None:
    """Drop the in-memory layer (tests)."""
    global _memory_tables
    _files.clear()
    _dirty.clear()
    _memory_tables = None
