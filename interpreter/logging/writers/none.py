"""The None writer (bifs/logging-input.md §1.10): writes nothing; with
`LogNone::debug` it prints what it was created with."""
from __future__ import annotations


def cxx_double(d: float) -> str:
    """C++ stream output of a double: at most 6 significant digits."""
    return "%g" % d


def plain_type(t) -> str:
    k = t.kind
    return "table" if k == "table" else k


class NoneWriter:
    def __init__(self, info):
        self.info = info

    def init(self):
        info = self.info
        if not info.const("LogNone::debug", False):
            return
        lines = ["[logging::writer::None]", f"  path={info.path}",
                 f"  rotation_interval={cxx_double(info.interv)}",
                 f"  rotation_base={cxx_double(info.rotation_base())}"]
        for k in sorted(info.config):
            lines.append(f"  config[{k.decode('latin-1')}] = {info.config[k].decode('latin-1')}")
        for c in info.columns:
            lines.append(f"  field {c.name}: {plain_type(c.type)}")
        info.stdout.write(("\n".join(lines) + "\n\n").encode("latin-1"))

    def write(self, values):
        pass

    def rotate(self, tmp):
        # nothing to move; the postprocessor still runs (§1.10)
        return "/dev/null"

    def close(self):
        pass
