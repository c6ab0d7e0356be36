"""The log manager: filters with their columns, `Log::write` step by step,
writers per (writer, path), and their end at shutdown
(bifs/logging-input.md §1.2, §1.5, §1.7)."""
from __future__ import annotations

import os
import time as _time

from ..errors import NoValue
from ..runtime.values import UNSET, AnyVal, RecordVal, field, plain
from ..types import same_type
from .columns import Unsupported, flatten, read
from .writers.ascii import AsciiWriter, WriterFailed
from .writers.none import NoneWriter

BACKENDS = {"Log::WRITER_ASCII": AsciiWriter, "Log::WRITER_NONE": NoneWriter}


def string_set(v):
    v = plain(v)
    if v is UNSET:
        return None
    return {idx[0].decode("latin-1") for idx, _ in v.data.values()}


def string_table(v) -> dict:
    v = plain(v)
    if v is UNSET:
        return {}
    return {idx[0]: val for idx, val in v.data.values()}


def demote(interp, rtype, rec):
    """`rec` as a record of `rtype`, fields copied by name and the others
    dropped (a path_func taking a subset record, §1.5 step 4.2)."""
    if rtype.kind != "record":
        return rec
    out = interp.compiler.records.new_record(rtype)
    for i, fd in enumerate(rec.rtype.fields):
        j = rtype.index.get(fd.name)
        if j is not None and i < len(rec.vals) and rec.vals[i] is not UNSET:
            out.vals[j] = rec.vals[i]
    return out


class Filter:
    """A `Log::Filter` record as the manager keeps it (§1.1)."""

    def __init__(self, rec, columns_type):
        g = lambda n: plain(field(rec, n))       # noqa: E731
        self.name = g("name").decode("latin-1")
        self.pred = g("pred")
        self.path_func = g("path_func")
        path = g("path")
        self.path = None if path is UNSET else path.decode("latin-1")
        self.writer = g("writer")
        self.log_local = g("log_local") is not False
        self.log_remote = g("log_remote") is True
        self.interv = float(g("interv") or 0.0)
        self.postprocessor = g("postprocessor")
        self.config = string_table(field(rec, "config"))
        self.field_name_map = {k.decode("latin-1"): v.decode("latin-1")
                               for k, v in string_table(field(rec, "field_name_map")).items()}
        self.scope_sep = (g("scope_sep") or b".").decode("latin-1")
        self.ext_prefix = (g("ext_prefix") or b"").decode("latin-1")
        ext = g("ext_func")
        ret = getattr(getattr(ext, "ftype", None), "ret", None)
        self.ext_func = ext if ret is not None and ret.kind == "record" else None
        self.num_ext = len(ret.fields) if self.ext_func is not None else 0
        include, exclude = string_set(field(rec, "include")), string_set(field(rec, "exclude"))
        cols: list = []
        if self.ext_func is not None:
            flatten(ret, self.ext_prefix, self.scope_sep, include, exclude, cols)
        self.num_ext_cols = len(cols)
        flatten(columns_type, "", self.scope_sep, include, exclude, cols)
        self.columns = cols


class WriterInfo:
    """What a writer backend is told when it is made."""

    def __init__(self, mgr, path, columns, f: Filter):
        self.mgr = mgr
        self.path = path
        self.columns = columns
        self.config = f.config
        self.interv = f.interv
        self.log_dir = mgr.log_dir()
        self.environ = mgr.interp.environ
        self.stdout = mgr.interp.runtime.out
        self.name = ""

    def const(self, name, default):
        gid = self.mgr.interp.globals.get(name)
        if gid is None or gid.value is UNSET or gid.value is None:
            return default
        return plain(gid.value)

    def timestamp(self) -> str:
        return _time.strftime("%Y-%m-%d-%H-%M-%S", _time.localtime(self.mgr.clock()))

    def rotation_base(self) -> float:
        base = self.const("log_rotate_base_time", b"0:00")
        if not base:
            return -1
        try:
            h, m = base.decode().split(":")
            return int(h) * 3600 + int(m) * 60
        except ValueError:
            return -1

    def report(self, msg):
        self.mgr.interp.reporter.write(f"error: {self.name}: {msg}")


class Writer:
    """Bro's WriterInfo: the backend and what rotation needs (§1.1, §1.6)."""
    __slots__ = ("filter_name", "backend", "dead", "columns", "writer", "wname", "path",
                 "interval", "postprocessor", "open_time", "timer")

    def __init__(self, filter_name, backend, columns):
        self.filter_name = filter_name
        self.backend = backend
        self.columns = columns
        self.dead = backend is None
        self.writer = None
        self.wname = self.path = ""
        self.interval = 0.0
        self.postprocessor = None
        self.open_time = 0.0
        self.timer = None


class StreamState:
    __slots__ = ("filters", "writers")

    def __init__(self):
        self.filters: list[Filter] = []
        self.writers: dict = {}          # (writer name, path) -> Writer


class Manager:
    def __init__(self, interp):
        self.interp = interp
        self.streams: dict[str, StreamState] = {}
        from .rotation import Rotation
        self.rotation = Rotation(self)
        hooks = getattr(interp, "at_shutdown", None)
        if hooks is None:
            hooks = interp.at_shutdown = []
        hooks.append(self.shutdown)

    # ------------------------------------------------------------ environment
    def log_dir(self) -> str:
        return getattr(self.interp, "log_dir", None) or os.getcwd()

    def clock(self) -> float:
        """#open/#close times: Bro takes the wall clock; a simulated cluster
        runs on its virtual clock, which its network_time shows."""
        ep = self.interp.runtime.endpoint
        if ep is not None and getattr(ep, "sim", None) is not None:
            return self.interp.runtime.network_time
        return _time.time()

    # ------------------------------------------------------------ streams and filters
    def state(self, sid) -> StreamState:
        s = self.streams.get(sid)
        if s is None:
            s = self.streams[sid] = StreamState()
        return s

    def drop_stream(self, sid, close: bool):
        s = self.streams.pop(sid, None)
        if s is None:
            return
        for w in s.writers.values():
            self.rotation.cancel(w)
            if close and not w.dead:
                w.backend.close()

    def add_filter(self, sid, rec, columns_type) -> bool:
        try:
            f = Filter(rec, columns_type)
        except Unsupported:
            self.interp.runtime.reporter.error("unsupported field type for log column", None)
            return False
        s = self.state(sid)
        s.filters = [x for x in s.filters if x.name != f.name] + [f]
        return True

    def remove_filter(self, sid, name):
        if isinstance(name, bytes):
            # the builtin hands over the Bro string; Filter.name is text
            name = name.decode("latin-1")
        s = self.streams.get(sid)
        if s is not None:
            s.filters = [x for x in s.filters if x.name != name]

    # ------------------------------------------------------------ writing
    def call(self, ctx, fv, args):
        """Call a script function, giving `any` parameters their dynamic type."""
        params = fv.ftype.params
        out = []
        for i, a in enumerate(args):
            t, v = a
            if i < len(params) and params[i].type.kind == "any" and not isinstance(v, AnyVal):
                v = AnyVal(t, v)
            out.append(v)
        return plain(ctx.call(fv, out))

    def write(self, ctx, sid, idval, stream, columns) -> bool:
        """§1.5 steps 2-5 for an enabled stream."""
        rec = self.coerce(ctx, stream.columns, plain(columns))
        if rec is None:
            return False
        if stream.event is not None:
            ctx.rt.queue_event(stream.event.name, [rec])
        s = self.state(sid)
        for f in list(s.filters):
            if f.pred is not None and f.pred is not UNSET:
                try:
                    if self.call(ctx, f.pred, [(stream.columns, rec)]) is False:
                        continue
                except NoValue:
                    pass
            if f.path_func is not None and f.path_func is not UNSET:
                rt = self.path_arg_type(f.path_func, stream.columns)
                arg = rec if rt is stream.columns else demote(self.interp, rt, rec)
                try:
                    p = self.call(ctx, f.path_func, [(idval.etype, idval),
                                                     (None, (f.path or "").encode("latin-1")),
                                                     (rt, arg)])
                except NoValue:
                    return False
                if not isinstance(p, bytes):
                    ctx.rt.reporter.error("path_func did not return string", None)
                    return False
                path = p.decode("latin-1")
                if f.path is None:
                    f.path = path
            elif f.path is not None:
                path = f.path
            else:
                continue
            wname = f.writer.name
            w = s.writers.get((wname, path))
            if w is not None and w.filter_name != f.name:
                path = self.resolve_conflict(s, f, wname, path, w.filter_name)
                w = s.writers.get((wname, path))
            sent = self.send_remote(ctx, sid, idval, f, wname, path, rec, w is None) \
                if f.log_remote else None
            if w is None:
                w = s.writers[(wname, path)] = self.new_writer(s, f, wname, path)
            if w.dead:
                continue
            values = sent if sent is not None else self.row(ctx, f, rec)
            try:
                w.backend.write(values)
            except (WriterFailed, OSError) as ex:
                self.fail(w, wname, path, ex)
        return True

    def send_remote(self, ctx, sid, idval, f: Filter, wname, path, rec, new: bool):
        """Remote logging (§1.10): the row also goes to Broker peers, even
        from a writer that writes nothing here (log_local = F); a writer
        about to be made is announced first.  Only a simulated node has
        peers (cluster/logfwd.py); for every other run this is a no-op.
        The row's values, when sent, serve the local write too."""
        ep = self.interp.runtime.endpoint
        if ep is None or ep.sim is None or ep.peer_count == 0:
            return None
        from ..cluster import logfwd
        return logfwd.send(self, ctx, sid, idval, f, wname, path, rec, new)

    def path_arg_type(self, fv, columns_type):
        params = fv.ftype.params
        return params[2].type if len(params) > 2 and params[2].type.kind != "any" else columns_type

    def resolve_conflict(self, s, f, wname, path, other) -> str:
        """§1.5 step 4.3: path-2, path-3, ... until free or this filter's."""
        n = 2
        while True:
            cand = f"{path}-{n}"
            w = s.writers.get((wname, cand))
            if w is None or w.filter_name == f.name:
                break
            n += 1
        self.interp.runtime.reporter.warning(
            f"Write using filter '{f.name}' on path '{path}' changed to use new path "
            f"'{cand}' to avoid conflict with filter '{other}'", None)
        f.path = cand
        return cand

    def new_writer(self, s: StreamState, f: Filter, wname, path) -> Writer:
        """§1.7: the field_name_map renames the filter's columns for good."""
        for c in f.columns:
            if c.name in f.field_name_map:
                c.name = f.field_name_map[c.name]
        # the rotation interval and postprocessor are those of the first
        # filter with this writer and stored path, else the defaults (§1.6)
        interval, post = None, None
        for g in s.filters:
            if g.writer.name == wname and g.path == path:
                interval, post = g.interv, g.postprocessor
                break
        if interval is None:
            interval = float(plain(self.rotation.const("Log::default_rotation_interval", 0.0)) or 0.0)
        w = self.make_writer(f, wname, path, interval)
        w.writer, w.wname, w.path = f.writer, wname, path
        w.interval, w.postprocessor = interval, post
        w.open_time = self.interp.runtime.network_time
        self.rotation.install(w)
        return w

    def make_writer(self, f: Filter, wname, path, interval) -> Writer:
        if not f.log_local or getattr(self.interp, "log_files", True) is False:
            # no backend: nothing written, no file (§1.5 "Local vs remote"),
            # or a simulated node without a directory of its own (sim.py)
            return Writer(f.name, None, f.columns)
        cls = BACKENDS.get(wname)
        if cls is None:
            from .writers.sqlite import SQLiteWriter
            cls = SQLiteWriter if wname == "Log::WRITER_SQLITE" else NoneWriter
        info = WriterInfo(self, path, list(f.columns), f)
        info.interv = interval
        info.name = f"{path}/{wname}"
        backend = cls(info)
        w = Writer(f.name, backend, info.columns)
        try:
            backend.init()
        except (WriterFailed, OSError) as ex:
            self.fail(w, wname, path, ex)
        return w

    def fail(self, w, wname, path, ex):
        msg = str(ex) if isinstance(ex, WriterFailed) else f"error writing: {ex.strerror}"
        rep = self.interp.reporter
        rep.write(f"error: {path}/{wname}: {msg}")
        rep.write(f"error: {path}/{wname}: terminating thread")
        w.dead = True

    def row(self, ctx, f: Filter, rec) -> list:
        """§1.4, with Bro's choice of source record by column number."""
        ext = None
        if f.ext_func is not None:
            try:
                ext = plain(ctx.call(f.ext_func, [(f.path or "").encode("latin-1")]))
            except NoValue:
                ext = None
        out = []
        for i, c in enumerate(f.columns):
            src = (ext if ext is not None else UNSET) if i < f.num_ext else rec
            out.append(read(src, c.path) if src is not UNSET else UNSET)
        return out

    def coerce(self, ctx, ctype, v):
        """§1.5 step 2: the value as a record of the stream's columns type."""
        if not isinstance(v, RecordVal):
            ctx.rt.reporter.error("incompatible log record type", None)
            return None
        if v.rtype is ctype:
            return v
        # a new record of the columns type, its &defaults filled in
        # (RecordVal::CoerceTo), then the value's fields copied by name
        vals = self.interp.compiler.records.new_record(ctype).vals
        for i, fd in enumerate(v.rtype.fields):
            j = ctype.index.get(fd.name)
            if j is None:
                self.object_error(ctx, f'orphan field "{fd.name}" in initialization', v)
                break
            x = v.vals[i] if i < len(v.vals) else UNSET
            tt = ctype.fields[j].type
            if not same_type(fd.type, tt):
                if fd.type.kind == "record" and tt.kind == "record":
                    if x is not UNSET and x is not None:
                        x = self.coerce(ctx, tt, x)
                        if x is None:
                            return None
                else:
                    ctx.rt.reporter.error("incompatible log record type", None)
                    return None
            if x is not UNSET and x is not None:
                vals[j] = x
        for j, fd in enumerate(ctype.fields):
            if vals[j] is UNSET and not fd.optional:
                self.object_error(ctx, f'non-optional field "{fd.name}" missing in initialization', v)
        return RecordVal(ctype, vals)

    def object_error(self, ctx, msg, v):
        """An error on the runtime record value, which has no location
        (§1.5 step 2): the record follows in short form."""
        from ..runtime.describe import describe
        text = describe(v.rtype, v, "short").decode("latin-1")
        ctx.rt.reporter.write(f"error in <no location>: {msg} ({text})")

    # ------------------------------------------------------------ the end
    def shutdown(self):
        """§1.7: every writer of every stream writes its footer and closes."""
        for sid in list(self.streams):
            self.drop_stream(sid, close=True)
