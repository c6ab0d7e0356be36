"""The log writers, one module each (bifs/logging-input.md §1.9, §1.10).

A writer backend is made per (writer, path) of a stream by the manager;
it gets `init()` once (header), `write(values)` per row and `close()` at
shutdown or stream removal (footer)."""
