"""The golden tests, shipped in the package as broscript.corpus: the fuzzer's
default corpus (python -m broscript.fuzz)."""
