"""String builtins (values.md §6.3)."""
from __future__ import annotations

from ..runtime.values import VectorVal
from .registry import builtin


@builtin("function strcmp(s1: string, s2: string): int")
def strcmp(ctx, s1, s2):
    # sign of the byte comparison; glibc's magnitude (byte difference) when
    # the common prefix differs, else -1/0/1 (values.md §6.3)
    for a, b in zip(s1, s2):
        if a != b:
            return a - b
    return (len(s1) > len(s2)) - (len(s1) < len(s2))


@builtin("function to_lower(str: string): string")
def to_lower(ctx, s):
    return bytes(c + 32 if 65 <= c <= 90 else c for c in s)


@builtin("function to_upper(str: string): string")
def to_upper(ctx, s):
    return bytes(c - 32 if 97 <= c <= 122 else c for c in s)
