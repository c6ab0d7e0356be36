"""The benchmark reader (bifs/logging-input.md §2.9.4): no source at all,
it makes up `atoi(source)` random entries per heartbeat interval for load
tests.  Its data is random by design, so only its counts and shapes can
be relied on.  The `InputBenchmark::spread`, `autospread` and
`timedspread` options only pace the entries of one read in wall-clock
time in Bro; broscript delivers a read at once (§2.8), so they change
nothing here."""
from __future__ import annotations

import random

from ...runtime.values import make_port, V4_MAPPED, Subnet
from ...types import COUNT, TIME
from ..reader import REREAD, STREAM, Reader, register
from .raw import atoi

_CHARS = "0123456789!@#$%^&*()-_=+{}[]\\|ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_RAND_MAX = 2**31 - 1
_ADDR = V4_MAPPED | 0xC0A81101          # 192.168.17.1


@register("Input::READER_BENCHMARK")
class BenchmarkReader(Reader):
    def open(self) -> bool:
        self.rng = random.Random()
        self.num_lines = atoi(self.info.source)
        opt = self.env.option
        self.factor = float(opt("InputBenchmark::factor") or 1.0)
        self.add = int(opt("InputBenchmark::addfactor") or 0)
        self.interval = float(self.env.heartbeat_interval)
        for f in self.fields:
            if f.kind == "enum" or f.elem is not None and f.elem.kind == "enum":
                # Bro asserts ("no enums, please"); refuse instead
                self.sink.error(f"unsupported field format enum for {f.name}")
                return False
        return self.update()

    def _random(self) -> int:
        return self.rng.randint(0, _RAND_MAX)

    def _value(self, t):
        k = t.kind
        if k == "string":
            return "".join(_CHARS[self._random() * len(_CHARS) // (_RAND_MAX + 1)]
                           for _ in range(10)).encode("latin-1")
        if k == "bool":
            return True
        if k in ("int", "count"):
            return self._random()
        if k == "time":
            return self.env.now()
        if k in ("double", "interval"):
            return float(self._random())
        if k == "port":
            return make_port(self._random() // (_RAND_MAX // 60000) & 0xFFFF, "unknown")
        if k == "subnet":
            return Subnet(_ADDR, 96 + 16)
        if k == "addr":
            return _ADDR
        if k in ("table", "vector"):
            elem = t.indices[0] if k == "table" else t.yield_
            return [self._value(elem) for _ in range(self._random() // (_RAND_MAX // 15))]
        raise ValueError(k)

    def update(self) -> bool:
        stream = self.info.mode == STREAM
        for _ in range(int(self.num_lines * self.interval)):
            try:
                row = [self._value(f.type) for f in self.fields]
            except ValueError as ex:
                self.sink.error(f"unsupported field format {ex}")
                return False
            if stream:
                self.sink.put(row)
            else:
                self.sink.send_entry(row)
        if not stream:
            self.sink.end_current_send()
        return True

    def heartbeat(self, now: float) -> bool:
        self.num_lines = int(self.num_lines * self.factor) + self.add
        if self.info.mode in (REREAD, STREAM):
            if self.factor != 1 or self.add != 0:
                # Bro documents each change of the rate with this event
                self.sink.send_event("lines_changed", [(COUNT, self.num_lines),
                                                       (TIME, self.env.now())])
            self.update()
            self.sink.send_event("HeartbeatDone", [])
        return True

