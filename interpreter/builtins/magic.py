"""identify_data and file_magic (bifs/core-1.md §4). Bro 2.6 uses no
libmagic: it matches its own `file-magic` signatures, the .sig files of
base/frameworks/files/magic. We read those files from the script path when a
Bro tree is on it, and otherwise use the small set of our own below."""
from __future__ import annotations

import os
import re

from ..loader import script_path
from ..runtime.patterns import PatternError, translate
from ..runtime.values import RecordVal, VectorVal
from .bifutil import named_type, reporter_warning
from .registry import builtin

MAGIC_DIR = "base/frameworks/files/magic"

# Our own signatures for common formats: (MIME type, strength, expression in
# Bro's regex syntax). The types and strengths are Bro's, so results agree
# with Bro's wherever these formats are concerned.
OWN_SIGNATURES = (
    ("text/plain", -20,
     r"^(\xef\xbb\xbf|\xfe\xff|\xff\xfe|\x00\x00\xfe\xff|\xff\xfe\x00\x00)?"
     r"[\x09-\x0d\x20-\x7e]{10}"),
    ("image/png", 110, r"^\x89PNG"),
    ("image/gif", 70, r"^GIF8[79]a"),
    ("image/jpeg", 52, r"^\xff\xd8"),
    ("application/pdf", 80, r"^%PDF-"),
    ("application/zip", 10, r"^PK\x03\x04.{2}"),
    ("application/x-gzip", 100, r"^\x1f\x8b"),
    ("application/x-bzip2", 60, r"^BZh"),
    ("application/x-executable", 50, r"^\x7fELF"),
    ("application/x-dosexec", 51, r"^MZ"),
    ("text/x-shellscript", 250, r"^#![ ]*/bin/(ba)?sh"),
    ("application/xml", 10, r"^<\?xml "),
    ("text/html", 20, r"^[\x09-\x0d ]*<([hH][tT][mM][lL]|[hH][eE][aA][dD]|[bB][oO][dD][yY])"),
)

_SIG_BLOCK = re.compile(r"signature\s+(\S+)\s*\{(.*?)\n\s*\}", re.S)
_MIME = re.compile(r'file-mime\s+"([^"]*)"(?:\s*,\s*(-?\d+))?')   # strength 0 if absent
_MAGIC = re.compile(r"file-magic\s+/(.*)/\s*$", re.M)
_LOAD_SIGS = re.compile(r"^\s*@load-sigs\s+\./(\S+)", re.M)
_COMMENT_LINE = re.compile(r"^[ \t]*#.*$", re.M)     # libmagic.sig comments out whole signatures


def _compile(src: str):
    """A Bro expression as a Python regex that must match at the first byte;
    None if it cannot be read."""
    try:
        py = translate(src)
    except PatternError:
        return None
    if py.endswith("$") and not py.endswith("\\$"):
        py = py[:-1] + r"\Z"        # Bro's $ is the end of the data only
    try:
        return re.compile(py.encode("latin-1"), re.S)
    except (re.error, UnicodeEncodeError):
        return None


def _sig_files(directory: str) -> list:
    """The .sig files in the order the directory's __load__.bro loads them."""
    load = os.path.join(directory, "__load__.bro")
    names = []
    if os.path.exists(load):
        with open(load, encoding="latin-1") as fh:
            names = [n if n.endswith(".sig") else n + ".sig"
                     for n in _LOAD_SIGS.findall(fh.read())]
    if not names:
        names = sorted(n for n in os.listdir(directory) if n.endswith(".sig"))
    return [os.path.join(directory, n) for n in names]


def read_signatures(directory: str) -> list:
    sigs = []
    for path in _sig_files(directory):
        try:
            with open(path, encoding="latin-1") as fh:
                text = fh.read()
        except OSError:
            continue
        for m in _SIG_BLOCK.finditer(_COMMENT_LINE.sub("", text)):
            body = m.group(2)
            mime, magic = _MIME.search(body), _MAGIC.search(body)
            if mime is None or magic is None:
                continue
            rx = _compile(magic.group(1))
            if rx is not None:
                sigs.append((mime.group(1).encode("latin-1"), int(mime.group(2) or 0), rx))
    return sigs


_cache: dict = {}


def signatures() -> list:
    """Bro's signatures from the first script-path directory that has them,
    else ours."""
    for d in script_path():
        directory = os.path.join(d, MAGIC_DIR)
        if any(n.endswith(".sig") for n in _listdir(directory)):
            if directory not in _cache:
                _cache[directory] = read_signatures(directory)
            return _cache[directory]
    if None not in _cache:
        _cache[None] = [(m.encode(), s, _compile(e)) for m, s, e in OWN_SIGNATURES]
    return _cache[None]


def _listdir(d: str) -> list:
    try:
        return os.listdir(d)
    except OSError:
        return []


def matches(data: bytes) -> dict:
    """strength -> the set of MIME types of the signatures that match at
    the first byte of `data` (RuleMatcher: a prefix match)."""
    out: dict = {}
    for mime, strength, rx in signatures():
        if rx.match(data):
            out.setdefault(strength, set()).add(mime)
    return out


@builtin("function identify_data(data: string, return_mime: bool &default=T): string")
def identify_data(ctx, data, return_mime=True):
    if not return_mime:
        reporter_warning(ctx, "identify_data() builtin-function only returns MIME types, "
                              "but verbose file info requested")
    found = matches(data)
    if not found:
        return b"<unknown>"
    # the first in byte order among the strongest
    return min(found[max(found)])


@builtin("function file_magic(data: string): mime_matches", lazy=True)
def file_magic(ctx, data):
    mm = named_type(ctx, "mime_match")
    found = matches(data)
    # one record per strength, strongest first; within a strength each MIME
    # type overwrites the last, so the last in byte order stays
    items = [RecordVal(mm, [s, max(found[s])]) for s in sorted(found, reverse=True)]
    return VectorVal(named_type(ctx, "mime_matches"), items)
