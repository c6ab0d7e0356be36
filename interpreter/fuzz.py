"""Mutation fuzzing of broscript: `python -m broscript.fuzz [--seconds N]`.

Takes Bro scripts (by default the golden tests and the library, both shipped
in the package as broscript.corpus and broscript.scripts, so an installed
broscript can fuzz itself; or the directories given as arguments),
mutates them at the token level (delete, duplicate, swap, replace with a
token from elsewhere) and runs each mutant through the whole pipeline with
a step budget.  Every run must end in Bro's own messages; a run that ends in
"internal error" (a Python exception escaping broscript) is a crash: the
input is written to the crash directory and reported.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import re
import sys
import tempfile
import time
from pathlib import Path

TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|/[^/\n]+/|[A-Za-z_][A-Za-z_0-9:]*|\d+(?:\.\d+)?|\S')


def corpus_files(dirs) -> list[Path]:
    out = []
    for d in dirs:
        out.extend(sorted(Path(d).rglob("*.bro")))
    return out


def mutate(text: str, rng: random.Random, donors: list[str]) -> str:
    toks = [m for m in TOKEN.finditer(text)]
    if not toks:
        return text
    n = rng.randint(1, 3)
    spans = []
    for _ in range(n):
        t = rng.choice(toks)
        op = rng.choice(("delete", "duplicate", "swap", "replace", "insert"))
        if op == "delete":
            spans.append((t.start(), t.end(), ""))
        elif op == "duplicate":
            spans.append((t.start(), t.end(), t.group(0) + " " + t.group(0)))
        elif op == "swap":
            u = rng.choice(toks)
            spans.append((t.start(), t.end(), u.group(0)))
        elif op == "replace":
            spans.append((t.start(), t.end(), rng.choice(donors)))
        else:
            spans.append((t.start(), t.start(), rng.choice(donors) + " "))
    spans.sort(key=lambda s: s[0], reverse=True)
    last = None
    for a, b, rep in spans:
        if last is not None and b > last:
            continue
        text = text[:a] + rep + text[b:]
        last = a
    return text


def run_captured(argv: list[str], cwd: str) -> tuple[int, bytes, str]:
    """Run the command line in-process in directory cwd; return (exit status,
    stdout bytes, stderr text)."""
    from .cli import _main
    err = io.StringIO()
    out = io.BytesIO()

    class Out:
        buffer = out

        def write(self, s):
            out.write(s.encode("latin-1"))

        def flush(self):
            pass

    class ErrBytes:
        def write(self, b):
            err.write(bytes(b).decode("latin-1"))

        def flush(self):
            pass

    class Err:
        buffer = ErrBytes()

        def write(self, s):
            err.write(s)

        def flush(self):
            pass

    with contextlib.redirect_stderr(Err()), contextlib.redirect_stdout(Out()):
        here = os.getcwd()
        try:
            os.chdir(cwd)
            rc = _main(argv)
        finally:
            os.chdir(here)
    return rc, out.getvalue(), err.getvalue()


def run_one(path: str, max_steps: int = 20000) -> tuple[int, str]:
    """Run one script in-process; return (exit status, stderr text)."""
    # "./NAME" is found relative to the directory, whatever BROPATH says (§7.4)
    rc, _, err = run_captured(["-b", "--max-steps", str(max_steps), "./" + os.path.basename(path)],
                              os.path.dirname(path) or ".")
    return rc, err


def is_crash(rc: int, err: str) -> bool:
    return rc == 70 or "internal error: broscript failed" in err


def fuzz(files, seconds: float, seed: int, crash_dir: Path, log=print) -> tuple[int, int]:
    rng = random.Random(seed)
    texts = [f.read_text(encoding="latin-1") for f in files]
    donors = sorted({m.group(0) for t in texts for m in TOKEN.finditer(t)})
    deadline = time.monotonic() + seconds
    runs = crashes = 0
    with tempfile.TemporaryDirectory(prefix="broscript-fuzz-") as tmp:
        work = Path(tmp)
        while time.monotonic() < deadline:
            src = rng.randrange(len(texts))
            mutant = mutate(texts[src], rng, donors)
            case = work / f"case{runs % 8}.bro"
            case.write_text(mutant, encoding="latin-1")
            rc, err = run_one(str(case))
            runs += 1
            if is_crash(rc, err):
                crashes += 1
                crash_dir.mkdir(parents=True, exist_ok=True)
                dest = crash_dir / f"crash-{seed}-{runs}.bro"
                dest.write_text(mutant, encoding="latin-1")
                log(f"crash #{crashes} from {files[src]}: {err.strip().splitlines()[-1]} -> {dest}")
    return runs, crashes


def default_corpus() -> list[Path]:
    """The package's own scripts: the golden tests (package data
    broscript.corpus, tests/golden in the source tree) and the library."""
    from importlib import resources
    dirs = []
    for pkg in ("broscript.corpus", "broscript.scripts"):
        try:
            d = Path(str(resources.files(pkg)))
        except ModuleNotFoundError:
            continue
        if d.is_dir():
            dirs.append(d)
    return dirs


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m broscript.fuzz")
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--crash-dir", default="fuzz-crashes")
    p.add_argument("corpus", nargs="*",
                   help="directories of .bro files (default: the corpus shipped with broscript)")
    opts = p.parse_args(argv)
    dirs = opts.corpus or default_corpus()
    files = corpus_files(dirs)
    if not files:
        print(f"no .bro files in the corpus ({', '.join(map(str, dirs)) or 'none found'})",
              file=sys.stderr)
        return 2
    from .cli import in_big_stack

    def go():
        return fuzz(files, opts.seconds, opts.seed, Path(opts.crash_dir))
    # deep mutants need the command line's stack and recursion limit (cli.py)
    result = in_big_stack(go)
    if not isinstance(result, tuple):
        return 70
    runs, crashes = result
    print(f"fuzz: {runs} runs, {crashes} crashes, seed {opts.seed}, corpus {len(files)} files")
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
