"""str_smith_waterman (bifs/strings-reporter-misc.md §2): Bro's own
Smith-Waterman variant for common substrings, with its scoring (+1 a
matching byte, +99 more when the previous diagonal cell matched too), its
walk back along the `prev` links, and its final sort's tie order."""
from __future__ import annotations

from ..runtime.values import UNSET, VectorVal
from .recordvals import field_of, record_of
from .registry import builtin


class _Token:
    __slots__ = ("text", "off1", "off2", "new")

    def __init__(self, text, off1, off2):
        self.text, self.off1, self.off2, self.new = text, off1, off2, False


def _covers(a: _Token, b: _Token) -> bool:
    la, lb = len(a.text), len(b.text)
    return (a.off1 <= b.off1 and a.off1 + la >= b.off1 + lb
            and a.off2 <= b.off2 and a.off2 + la >= b.off2 + lb)


def tokens(s1: bytes, s2: bytes, min_len: int, multiple: bool) -> list:
    n1, n2 = len(s1), len(s2)
    if n1 < min_len or n2 < min_len:
        return []
    w = n2 + 1
    score = [0] * ((n1 + 1) * w)
    matched = [False] * len(score)
    visited = [False] * len(score)
    prev = [-1] * len(score)
    best, best_score = -1, 1
    for i in range(1, n1 + 1):
        a = s1[i - 1]
        for j in range(1, n2 + 1):
            k = i * w + j
            up, left, diag = score[k - w], score[k - 1], score[k - w - 1]
            if a == s2[j - 1]:
                diag += 100 if matched[k - w - 1] else 1
                matched[k] = True
                score[k] = diag
                prev[k] = k - w - 1
            else:
                sc = score[k] = max(up, left, diag)
                prev[k] = k - w if sc == up else k - 1
            if score[k] > best_score:
                best, best_score = k, score[k]

    def walk(start, out):
        text, r, c, node = [], 0, 0, start
        while node >= 0:
            visited[node] = True
            if matched[node]:
                r, c = divmod(node, w)
                text.append(s1[r - 1])
            else:
                if len(text) >= min_len:
                    out.append(_Token(bytes(reversed(text)), r - 1, c - 1))
                text = []
            node = prev[node]
        if text:
            out.append(_Token(bytes(reversed(text)), r - 1, c - 1))
        if out:
            out[-1].new = True

    result: list = []
    if not multiple:
        if best >= 0:
            walk(best, result)
    else:
        groups: list = []
        for i in range(n1, 0, -1):
            for j in range(n2, 0, -1):
                k = i * w + j
                if not matched[k] or visited[k]:
                    continue
                new: list = []
                walk(k, new)
                keep = True
                for g in groups:
                    hit = None
                    for o in g:
                        for t in new:
                            if _covers(o, t):
                                hit = "discard"
                            elif _covers(t, o):
                                hit = "remove"
                            if hit:
                                break
                        if hit:
                            break
                    if hit == "discard":
                        keep = False
                    elif hit == "remove":
                        groups.remove(g)
                    if hit:
                        break
                if keep:
                    groups.append(new)
        result = [t for g in groups for t in g]
    # libstdc++'s insertion sort with a `<=` comparator leaves equal keys in
    # reverse order: a stable sort of the reversed list does the same
    if n1 > n2:
        return sorted(reversed(result), key=lambda t: t.off1)
    return sorted(reversed(result), key=lambda t: t.off2)


@builtin("function str_smith_waterman(s1: string, s2: string, params: sw_params): sw_substring_vec",
         lazy=True)
def str_smith_waterman(ctx, s1, s2, params):
    min_len = field_of(params, "min_strlen")
    variant = field_of(params, "sw_variant")
    found = tokens(s1, s2, 0 if min_len is UNSET else min_len, variant == 1)
    vt = ctx.desc.type
    sub_t = vt.yield_
    aligns_t = sub_t.field("aligns").type
    align_t = aligns_t.yield_
    items = [UNSET] if found else []
    for t in found:
        aligns = VectorVal(aligns_t, [UNSET, record_of(align_t, str=s1, index=t.off1),
                                      record_of(align_t, str=s2, index=t.off2)])
        items.append(record_of(sub_t, str=t.text, aligns=aligns, new=t.new))
    return VectorVal(vt, items)
