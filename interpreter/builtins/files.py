"""The `file` type's builtins and the directory functions
(bifs/core-3.md §1.2, §6): open, write, buffer, close, rotate, and the
file-system calls mkdir/rmdir/unlink/rename/file_size/file_mode."""
from __future__ import annotations

import math
import os
import re
import time

from ..errors import NoValue
from ..runtime.files import NOT_OPEN, StdStream, flush_open_files, open_disk
from ..runtime.values import FileVal
from .netutil import c_string, fs, global_value, make_record, runtime_error
from .registry import builtin

_STD_NAMES = ("/dev/stdin", "/dev/stdout", "/dev/stderr")


def _std_stream(ctx, name: str) -> StdStream:
    rt = ctx.rt
    if name in ("-", "/dev/stdout"):
        return StdStream(rt.out.write, rt.out.flush, getattr(rt.out, "fileno", None))
    if name == "/dev/stderr":
        err = rt.reporter.err
        return StdStream(lambda b: err.write(b.decode("latin-1")), err.flush,
                         getattr(err, "fileno", None))

    def no_write(b):
        # stdin is open for reading only: C's fwrite fails, print shows nothing
        raise OSError("not writable")
    return StdStream(no_write, lambda: None)


def _now(ctx) -> float:
    # network_time is still 0 in global initialisers (parse time): Bro then
    # takes the wall clock (bifs/core-3.md §1.2 "Opening")
    return ctx.rt.network_time or time.time()


def _opened(ctx, fv: FileVal) -> None:
    """file_opened runs synchronously, inside the open (§1.2)."""
    fv.open_time = _now(ctx)
    h = ctx.interp.event_handler("file_opened")
    if h is not None and h.bodies:
        ctx.rt.run_bodies(h, [fv])


def _open(ctx, f: bytes, append: bool) -> FileVal:
    name = c_string(ctx, f)
    if (name == "-" and not append) or name in _STD_NAMES:
        return FileVal(name, _std_stream(ctx, name))
    try:
        stream = open_disk(fs(name), append)
    except OSError as ex:
        runtime_error(ctx, f"cannot open {name}: {ex.strerror}")
        return FileVal(name, NOT_OPEN)
    fv = FileVal(name, stream)
    _opened(ctx, fv)
    return fv


@builtin("function open(f: string): file")
def open_(ctx, f):
    return _open(ctx, f, False)


@builtin("function open_for_append(f: string): file")
def open_for_append(ctx, f):
    return _open(ctx, f, True)


@builtin("function close(f: file): bool")
def close(ctx, f):
    if f.fh.is_std:
        return False
    f.fh.close()
    f.fh = NOT_OPEN
    return True


@builtin("function write_file(f: file, data: string): bool")
def write_file(ctx, f, data):
    # an empty string writes nothing and gives F (bifs/core-3.md §6)
    if not f.fh.is_open or not data:
        return False
    return f.fh.write(data)


@builtin("function set_buf(f: file, buffered: bool): any")
def set_buf(ctx, f, buffered):
    f.fh.set_line_buffered(not buffered)
    return None


@builtin("function flush_all(): bool")
def flush_all(ctx):
    ok = True
    for stream in (ctx.rt.out, ctx.rt.reporter.err):
        try:
            stream.flush()
        except (OSError, ValueError):
            ok = False
    return flush_open_files() and ok


@builtin("function active_file(f: file): bool")
def active_file(ctx, f):
    return f.fh.is_open


@builtin("function get_file_name(f: file): string")
def get_file_name(ctx, f):
    return (f.name if f.name is not None else "/dev/stdout").encode("latin-1")


@builtin("function disable_print_hook(f: file): any")
def disable_print_hook(ctx, f):
    f.hook = False
    raise NoValue       # declared `any`, returns nothing (§1.1)


@builtin("function enable_raw_output(f: file): any")
def enable_raw_output(ctx, f):
    f.raw = True
    raise NoValue


# ------------------------------------------------------------ directories

@builtin("function mkdir(f: string): bool")
def mkdir(ctx, f):
    name = c_string(ctx, f)
    try:
        os.mkdir(fs(name))
    except OSError as ex:
        if os.path.isdir(fs(name)):
            return True
        ctx.builtin_error(f"cannot create directory '{name}': {ex.strerror}")
        return False
    return True


@builtin("function rmdir(d: string): bool")
def rmdir(ctx, d):
    name = c_string(ctx, d)
    try:
        os.rmdir(fs(name))
    except OSError as ex:
        ctx.builtin_error(f"cannot remove directory '{name}': {ex.strerror}")
        return False
    return True


@builtin("function unlink(f: string): bool")
def unlink(ctx, f):
    name = c_string(ctx, f)
    try:
        os.unlink(fs(name))
    except OSError as ex:
        ctx.builtin_error(f"cannot unlink file '{name}': {ex.strerror}")
        return False
    return True


@builtin("function rename(src_f: string, dst_f: string): bool")
def rename(ctx, src_f, dst_f):
    src = c_string(ctx, src_f)
    dst = c_string(ctx, dst_f)
    try:
        os.rename(fs(src), fs(dst))
    except OSError as ex:
        ctx.builtin_error(f"cannot rename file '{src}' to '{dst}': {ex.strerror}")
        return False
    return True


@builtin("function file_size(f: string): double")
def file_size(ctx, f):
    try:
        return float(os.stat(fs(c_string(ctx, f))).st_size)
    except OSError:
        return -1.0


@builtin("function file_mode(mode: count): string")
def file_mode(ctx, mode):
    """ls-style permissions of the low 12 bits (bifs/core-3.md §4)."""
    out = []
    for shift, special, on, off in ((6, 0o4000, "s", "S"), (3, 0o2000, "s", "S"),
                                    (0, 0o1000, "t", "T")):
        bits = (mode >> shift) & 7
        out.append("r" if bits & 4 else "-")
        out.append("w" if bits & 2 else "-")
        x = bits & 1
        if mode & special:
            out.append(on if x else off)
        else:
            out.append("x" if x else "-")
    return "".join(out).encode()


# ------------------------------------------------------------ rotation

def _empty_rotate_info(ctx):
    return make_record(ctx, "rotate_info", old_name=b"", new_name=b"",
                       open=0.0, close=0.0)


def _rotate(ctx, name: str):
    """Bro's rotate_file() of util.cc: the renamed file's name and the new
    empty file's stream, or None after a reported error (§6 rotate_file)."""
    newname = f"{name}.{os.getpid()}.{ctx.rt.network_time:.6f}.tmp"
    tmpname = newname + ".tmp"
    try:
        stream = open_disk(fs(tmpname), False)
    except OSError as ex:
        runtime_error(ctx, f"rotate_file: can't open {tmpname}: {ex.strerror}")
        return None
    try:
        os.link(fs(name), fs(newname))
        os.stat(fs(newname))
    except OSError as ex:
        runtime_error(ctx, f"rotate_file: can't move {name} to {newname}: {ex.strerror}")
        stream.close()
        for leftover in (newname, tmpname):
            try:
                os.unlink(fs(leftover))
            except OSError:
                pass
        return None
    try:
        os.unlink(fs(name))
        os.link(fs(tmpname), fs(name))
        os.unlink(fs(tmpname))
    except OSError as ex:
        # Bro gives up here with exit(1) (§6 rotate_file)
        from ..errors import ScriptExit
        runtime_error(ctx, f"rotate_file: can't move {tmpname} to {name}: {ex.strerror}")
        raise ScriptExit(1)
    return newname, stream


@builtin("function rotate_file(f: file): rotate_info")
def rotate_file(ctx, f):
    if not f.fh.is_open or f.fh.is_std:
        return _empty_rotate_info(ctx)
    done = _rotate(ctx, f.name)
    if done is None:
        return _empty_rotate_info(ctx)
    newname, stream = done
    info = make_record(ctx, "rotate_info", old_name=f.name.encode("latin-1"),
                       new_name=newname.encode("latin-1"), open=f.open_time,
                       close=ctx.rt.network_time)
    # the old stream's buffer ends up in the renamed file
    f.fh.close()
    f.fh = stream
    _opened(ctx, f)
    return info


@builtin("function rotate_file_by_name(f: string): rotate_info")
def rotate_file_by_name(ctx, f):
    name = c_string(ctx, f)
    from .connections import close_dumper
    opened = close_dumper(ctx, name)
    done = _rotate(ctx, name)
    if done is None:
        return _empty_rotate_info(ctx)
    newname, stream = done
    stream.close()
    now = ctx.rt.network_time
    return make_record(ctx, "rotate_info", old_name=name.encode("latin-1"),
                       new_name=newname.encode("latin-1"),
                       open=opened if opened is not None else now, close=now)


@builtin("function calc_next_rotate(i: interval): interval")
def calc_next_rotate(ctx, i):
    """Time to the next rotation boundary (bifs/core-3.md §6), as a plain
    interval (it prints as a double)."""
    t = ctx.rt.network_time
    i = float(i)
    if i == 0:
        runtime_error(ctx, "calc_next_rotate(): interval is zero, falling back to 24hrs")
        i = 86400.0
    spec = global_value(ctx, "log_rotate_base_time", b"0:00")
    base = -1
    if spec:
        base = _parse_hm(spec.decode("latin-1"))
        if base is None:
            runtime_error(ctx, "calc_next_rotate(): can't parse rotation base time")
            base = -1
    if base < 0:
        return float(math.floor(t / i) * i + i - t)
    day = time.localtime(int(t))
    midnight = time.mktime((day.tm_year, day.tm_mon, day.tm_mday, 0, 0, 0, 0, 0, -1))
    return float(midnight + base + math.ceil((t - midnight - base) / i) * i - t)


_HM = re.compile(r"\s*(\d{1,2}):\s*(\d{1,2})")


def _parse_hm(text: str):
    """strptime("%H:%M") as glibc reads it: up to two digits each, hours
    0-23, minutes 0-59; text after the minutes is ignored."""
    m = _HM.match(text)
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60
