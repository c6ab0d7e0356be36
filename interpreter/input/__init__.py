"""The input framework's native side (bifs/logging-input.md Part 2):
reader.py (the reader interface), convert.py (text → values), manager.py
(streams and the Input::__* BIFs), readers/ (one module per reader)."""
