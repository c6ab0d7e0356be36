"""The logging framework's machinery behind logging.bif (bifs/logging-input.md
Part 1): columns, the manager that turns `Log::write` into rows, and the
writers (ASCII, None, SQLite).  Reached only through the builtins that
builtins/logstreams.py registers."""
