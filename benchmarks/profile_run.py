"""Profile one broscript command line in-process (cProfile), for finding
what start-up and cluster boots spend their time on.

    python benchmarks/profile_run.py OUT.prof [broscript arguments...]
    python benchmarks/profile_run.py --layout-nodes 52 OUT.prof

The second form profiles `--simulate all` of a generated layout of that
many nodes (1 logger, 1 manager, a sixth of the rest proxies, the others
workers), as startup_bench.py boots.  Prints the top functions by
cumulative and by own time."""
from __future__ import annotations

import cProfile
import os
import pstats
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main():
    args = sys.argv[1:]
    if args and args[0] == "--layout-nodes":
        from startup_bench import layout
        n = int(args[1])
        proxies = (n - 2) // 6
        tmp = Path(tempfile.mkdtemp(prefix="broscript-prof-"))
        lay = tmp / "layout.bro"
        lay.write_text(layout(proxies, n - 2 - proxies))
        args = [args[2], "--simulate", "all", "--layout", str(lay),
                "--node-output", str(tmp / "out"), "-e", ""]
    out, argv = args[0], args[1:]
    from broscript import cli
    prof = cProfile.Profile()

    def run():
        prof.enable()
        try:
            return cli._main(argv)
        finally:
            prof.disable()
    status = cli.in_big_stack(run)
    prof.dump_stats(out)
    st = pstats.Stats(out, stream=sys.stderr)
    st.sort_stats("cumulative").print_stats(45)
    st.sort_stats("tottime").print_stats(30)
    sys.stderr.write(f"exit status {status}\n")


if __name__ == "__main__":
    main()
