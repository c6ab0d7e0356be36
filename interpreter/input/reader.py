"""The reader interface: what a reader of the input framework is given and
how it reports what it read (bifs/logging-input.md §2.1, §2.5-§2.9).

In Bro each reader is a thread that talks to the input manager through
messages.  broscript has no threads: the manager calls a reader's methods at
the main-loop points of the deterministic schedule of §2.8, and the reader
reports through its `sink` (a `ReaderSink`) synchronously; the manager
applies every report in the order it was made.

Writing a reader
----------------
Put it in `interpreter/input/readers/<name>.py` and decorate the class with
`@register("Input::READER_<NAME>")`; `readers/__init__.py` imports every
module of the package, so nothing else needs editing.

    from ..reader import Reader, register, MANUAL, REREAD, STREAM

    @register("Input::READER_FOO")
    class FooReader(Reader):
        def open(self) -> bool: ...          # Bro's DoInit: first read here
        def update(self) -> bool: ...        # Bro's DoUpdate (force_update)
        def heartbeat(self, now) -> bool: ...  # Bro's DoHeartbeat
        def close(self) -> None: ...         # Bro's DoClose

What a reader has (set by the manager before `open()`):

* `self.info` — a `ReaderInfo`: `source` (str), `mode` (MANUAL / REREAD /
  STREAM), `config` (the description's `$config` as dict[str, str]),
  `stream` (the stream's name), `name` (e.g. "Input::READER_ASCII").
* `self.fields` — the unrolled field list (§2.3), a list of `Field`:
  index fields first, then value fields, nested records flattened with
  dotted names.  Each `Field` has `name`, `type` (the Bro type object of
  interpreter/types.py: `.kind` is "bool", "count", "table" (a set),
  "vector", ...), `optional`, `secondary_name` (the `&type_column` name of a
  port field, else None) and `elem` (element type of a set/vector, else None).
* `self.sink` — a `ReaderSink` (below).
* `self.env` — a `ReaderEnv`: `option(name)` gives a script global's value
  (`self.env.option("InputAscii::separator")` → b"\\t"; strings are bytes,
  bools bool, counts int, doubles float, intervals float), `options()` gives
  every global declared with `option` as {name: Bro type} (config reader,
  §2.9.5), `now()` the network time, `heartbeat_interval` (seconds).

Values a reader reports ("threading values", Bro's threading::Value):
one Python value per field of `self.fields`, in that order:
  UNSET (interpreter.runtime.values.UNSET) for an unset column;
  bool; int for int/count (count already wrapped to [0, 2**64));
  float for double/time/interval; bytes for string;
  str for enum (the full text "Mod::NAME": the manager looks it up in the
  field's enum type and reports an unknown name itself, §2.5.5);
  int for port (values.make_port) and addr (128-bit, values.py);
  values.Subnet for subnet; a list of element values for set and vector
  (UNSET element = a vector hole).
`convert.parse_field` makes these from text the way Bro's ASCII formatter
does.

Return values: `open`/`update`/`heartbeat` return False when the reader
failed (Bro's thread then ends): the manager prints `Init failed` (for
`open`) and `terminating thread` as errors of the reader and removes the
stream once what was already reported has been applied (§2.7).
"""
from __future__ import annotations

from typing import Any, Optional, Protocol

MANUAL = "MANUAL"
REREAD = "REREAD"
STREAM = "STREAM"


class ReaderInfo:
    """The stream's facts a reader needs (Bro's ReaderBackend::ReaderInfo)."""
    __slots__ = ("source", "mode", "config", "stream", "name")

    def __init__(self, source: str, mode: str, config: dict, stream: str, name: str):
        self.source = source
        self.mode = mode
        self.config = config
        self.stream = stream
        self.name = name

    @property
    def reader_name(self) -> str:
        """`<source>/<reader enum name>`, the prefix of every reader message (§2.1)."""
        return f"{self.source}/{self.name}"


class Field:
    """One column of the unrolled field list (§2.3)."""
    __slots__ = ("name", "type", "optional", "secondary_name", "elem")

    def __init__(self, name: str, type_, optional: bool = False,
                 secondary_name: Optional[str] = None):
        self.name = name
        self.type = type_
        self.optional = optional
        self.secondary_name = secondary_name
        k = type_.kind
        if k == "table":
            self.elem = type_.indices[0]
        elif k == "vector":
            self.elem = type_.yield_
        else:
            self.elem = None

    @property
    def kind(self) -> str:
        return str(self.type.kind)

    def __repr__(self):
        return f"Field({self.name}:{self.kind})"


class ReaderSink(Protocol):
    """How a reader reports (Bro's ReaderBackend messages, §2.5-§2.7).

    Tracked reads (MANUAL/REREAD of ASCII, Binary, Config, SQLite):
    `send_entry(values)` once per record, then `end_current_send()` at the
    end of each complete read (→ removals of absent entries and
    `Input::end_of_data`, §2.5.1).

    Streamed (STREAM mode, and Raw in every mode, §2.5.2): `put(values)` per
    record; `delete(values)` (never used by Bro's readers, §2.6);
    `end_of_data()` raises `Input::end_of_data` without removing anything
    (Raw's end marker, §2.9.2).  `clear()` empties a table stream's table.

    `send_event(name, args)`: raise a script event directly (Bro's
    SendEvent: `InputConfig::new_value`, `InputRaw::process_finished`);
    `args` is a list of (Bro type, threading value); an enum value is looked
    up as a global enum constant of any type (§2.5.5); a conversion failure
    prints `error: SendEvent for event NAME failed` and raises nothing.
    An argument for an `any` parameter is passed as a value of the given type.

    `info`, `warning`, `error`: reader messages; the manager prefixes them
    with `<source>/<reader>: ` and passes them to `error_ev` (§2.7).  An
    error disables the stream (what was already reported is still applied).
    `disable()` does the same without a message (Bro's DisableFrontend, e.g.
    the Raw reader after its child exited in a later update, §2.9.2).
    """

    def send_entry(self, values: list) -> None: ...
    def end_current_send(self) -> None: ...
    def put(self, values: list) -> None: ...
    def delete(self, values: list) -> None: ...
    def clear(self) -> None: ...
    def end_of_data(self) -> None: ...
    def send_event(self, name: str, args: list) -> None: ...
    def info(self, msg: str) -> None: ...
    def warning(self, msg: str) -> None: ...
    def error(self, msg: str) -> None: ...
    def disable(self) -> None: ...


class ReaderEnv(Protocol):
    heartbeat_interval: float

    def option(self, name: str) -> Any: ...
    def options(self) -> dict: ...
    def now(self) -> float: ...


class Reader:
    """Base class of every reader; see the module docstring.

    `failed` becomes True after an error was reported (Bro's DisableFrontend);
    the manager then stops calling the reader.
    """

    def __init__(self, info: ReaderInfo, fields: list, sink: ReaderSink, env: ReaderEnv):
        self.info = info
        self.fields = fields
        self.sink = sink
        self.env = env

    # -- the four entry points --------------------------------------------
    def open(self) -> bool:
        """Bro's DoInit: check fields and options, do the first read."""
        raise NotImplementedError

    def update(self) -> bool:
        """Bro's DoUpdate: a `force_update` (and the first read, if the
        reader's open() calls it)."""
        return True

    def heartbeat(self, now: float) -> bool:
        """Bro's DoHeartbeat, about once per heartbeat interval (§2.8 item 4):
        REREAD and STREAM readers poll their source here."""
        return True

    def close(self) -> None:
        """Bro's DoClose: release files and processes."""

    # -- helpers ------------------------------------------------------------
    def config_flag(self, key: str, default: bool) -> bool:
        """A `$config` override of a bool option: T when the text starts
        with `T` (§2.9.1)."""
        v = self.info.config.get(key)
        if v is None:
            return default
        return v.startswith("T")



class FileReader(Reader):
    """A reader of one open file, `self.file` (None while closed): ASCII,
    binary and config.  REREAD and STREAM poll by calling update() at each
    heartbeat, which reports success whatever update() returned (Bro's
    DoHeartbeat); close() closes the file."""

    file = None

    def heartbeat(self, now: float) -> bool:
        if self.info.mode in (REREAD, STREAM):
            self.update()
        return True

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

READERS: dict = {}


def register(enum_name: str):
    """Class decorator: make `cls` the reader for `Input::READER_X`."""
    def deco(cls):
        READERS[enum_name] = cls
        return cls
    return deco


def reader_class(enum_name: str):
    """The reader class for an `Input::Reader` enum name, or None."""
    from . import readers     # noqa: F401  (imports register every reader)
    readers.load_all()
    return READERS.get(enum_name)
