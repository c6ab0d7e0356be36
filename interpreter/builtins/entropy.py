"""find_entropy and the incremental entropy handles (bifs/core-1.md §4):
John Walker's `ent` statistics as Bro's RandTest computes them."""
from __future__ import annotations

import math

from ..runtime.values import OpaqueVal
from .bifutil import named_type, new_record
from .registry import builtin

_MONTE_LIMIT = 281474943156225.0        # (2^24 - 1)^2
_LOG2_OF_10 = 3.32192809488736234787


class EntropyState:
    __slots__ = ("count", "total", "mbuf", "inside", "groups",
                 "u0", "last", "t1", "t2", "t3", "first")

    def __init__(self):
        self.count = [0] * 256
        self.total = 0
        self.mbuf = []
        self.inside = 0
        self.groups = 0
        self.u0 = self.last = self.t1 = self.t2 = self.t3 = 0.0
        self.first = True

    def copy_opaque(self, ov) -> OpaqueVal:
        c = EntropyState()
        for k in self.__slots__:
            v = getattr(self, k)
            setattr(c, k, list(v) if isinstance(v, list) else v)
        return OpaqueVal(ov.oname, c)

    def add(self, data: bytes) -> None:
        count, mbuf = self.count, self.mbuf
        for c in data:
            count[c] += 1
            self.total += 1
            mbuf.append(c)
            if len(mbuf) == 6:          # groups continue across feeds
                self.groups += 1
                x = float((mbuf[0] << 16) | (mbuf[1] << 8) | mbuf[2])
                y = float((mbuf[3] << 16) | (mbuf[4] << 8) | mbuf[5])
                if x * x + y * y <= _MONTE_LIMIT:
                    self.inside += 1
                mbuf.clear()
            if self.first:
                self.first = False
                self.last = 0.0
                self.u0 = float(c)
            else:
                self.t1 += self.last * c
            self.t2 += c
            self.t3 += float(c) * c
            self.last = float(c)

    def end(self):
        """The five statistics. Like Bro, this updates t1 and t2 in place,
        so a second call gives another serial correlation."""
        total = float(self.total)
        self.t1 += self.last * self.u0
        self.t2 = self.t2 * self.t2
        d = total * self.t3 - self.t2
        scc = -100000.0 if d == 0.0 else _div(total * self.t1 - self.t2, d)
        e = total / 256.0
        chisq = 0.0
        for n in self.count:
            chisq += _div((n - e) * (n - e), e)
        mean = _div(float(sum(i * n for i, n in enumerate(self.count))), total)
        ent = 0.0
        for n in self.count:
            if n > 0:
                p = n / total
                ent += p * _LOG2_OF_10 * math.log10(1.0 / p)
        pi = _div(4.0 * self.inside, float(self.groups))
        return ent, chisq, mean, pi, scc


def _div(a: float, b: float) -> float:
    """IEEE division, as C does it: x/0 is ±inf, 0/0 is NaN."""
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _result(ctx, st: EntropyState):
    ent, chisq, mean, pi, scc = st.end()
    return new_record(named_type(ctx, "entropy_test_result"), entropy=ent,
                      chi_square=chisq, mean=mean, monte_carlo_pi=pi,
                      serial_correlation=scc)


@builtin("function find_entropy(data: string): entropy_test_result", lazy=True)
def find_entropy(ctx, data):
    st = EntropyState()
    st.add(data)
    return _result(ctx, st)


@builtin("function entropy_test_init(): opaque of entropy")
def entropy_test_init(ctx):
    return OpaqueVal("entropy", EntropyState())


@builtin("function entropy_test_add(handle: opaque of entropy, data: string): bool")
def entropy_test_add(ctx, handle, data):
    handle.state.add(data)
    return True


@builtin("function entropy_test_finish(handle: opaque of entropy): entropy_test_result",
         lazy=True)
def entropy_test_finish(ctx, handle):
    return _result(ctx, handle.state)
