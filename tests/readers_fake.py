"""A stand-in for the input manager when a reader is tested on its own:
the sink records every report in order, the env serves options."""
from __future__ import annotations

from broscript.input.reader import Field, ReaderInfo, reader_class
from broscript import types as T


class FakeSink:
    def __init__(self):
        self.log = []

    def __getattr__(self, name):
        if name in ("send_entry", "end_current_send", "put", "delete", "clear", "end_of_data",
                    "send_event", "info", "warning", "error", "disable"):
            return lambda *a: self.log.append((name,) + a)
        raise AttributeError(name)


class FakeEnv:
    heartbeat_interval = 1.0

    def __init__(self, options=None, option_types=None, now=1.0):
        self._options = options or {}
        self._types = option_types or {}
        self._now = now

    def option(self, name):
        return self._options.get(name)

    def options(self):
        return dict(self._types)

    def now(self):
        return self._now


def make(reader, source, fields, mode="MANUAL", config=None, options=None, option_types=None):
    info = ReaderInfo(source, mode, config or {}, "input", reader)
    sink = FakeSink()
    r = reader_class(reader)(info, fields, sink, FakeEnv(options, option_types))
    return r, sink


def string_field(name="s"):
    return Field(name, T.STRING)


def bool_field(name="is_stderr"):
    return Field(name, T.BOOL)
