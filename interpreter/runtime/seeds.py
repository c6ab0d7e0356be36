"""The one source of random draws and hash keys of a run (bifs/core-1.md §3,
values.md §3.1, §6.8).

Bro has one generator with two modes, chosen at start-up:

* with a seed file (`-G FILE`, else the environment's `BRO_SEED_FILE`), the
  file's first number is the state of a Park-Miller "minimal standard"
  generator and the next 20 numbers are the key words `buf[0..19]` that key
  table hashing, `md5_hmac` and unique ids;
* without one, draws come from glibc `random()`. Bro seeds it (and fills
  `buf`) from the clock and /dev/urandom; broscript instead uses one fixed
  seed and fixed key words, so every run without a seed file is
  reproducible (issue 11).

Everything that draws (rand, srand, unique ids, bloom filters, HLL, ...)
goes through `for_interp(interp)`, so the draws of one run form one
sequence, as in Bro.
"""
from __future__ import annotations

import hashlib
import os
import struct
from typing import Optional

import siphashc

from ..errors import ScriptExit

SEED_WORDS = 21          # the state, then buf[0..19] (values.md §3.1)
_M32 = 0xFFFFFFFF

# The numbers of the seed file of Bro's own tests (testing/btest/random.seed,
# values.md §3.1).  Without a seed file broscript hashes with its key words
# (numbers 2-21) and gives the first, the generator's state, where Bro's
# initial_seed() is asked for (an unnamed bloom filter's seed); its draws
# come from DEFAULT_SRANDOM below.
BTEST_SEED_NUMBERS = (
    2983378351, 1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240,
    1450515018, 1466150520, 1342286698, 1193956778, 2188527278, 3361989254,
    3912865238, 3596260151, 517973768, 1462428821, 0, 2278350848, 32767)

# The seed of broscript's library mode. glibc's random() behaves as if
# srandom(1) had been called when nobody calls srandom, so 1 is the seed a C
# program that never seeds would see.
DEFAULT_SRANDOM = 1


class GlibcRandom:
    """glibc random()/srandom() with the default TYPE_3 state of 31 words
    (bifs/core-1.md §3 gives the model; it matches glibc)."""
    __slots__ = ("r", "f", "b")

    def __init__(self, seed: int = DEFAULT_SRANDOM):
        self.srandom(seed)

    def srandom(self, seed: int) -> None:
        seed &= _M32
        if seed == 0:
            seed = 1
        word = seed - (1 << 32) if seed >= 1 << 31 else seed   # as signed int32
        r = [word]
        for _ in range(30):
            prev = r[-1]
            # C division truncates toward zero
            hi = abs(prev) // 127773 * (1 if prev >= 0 else -1)
            lo = prev - hi * 127773
            w = 16807 * lo - 2836 * hi
            if w < 0:
                w += 2147483647
            r.append(w)
        self.r = [x & _M32 for x in r]
        self.f, self.b = 3, 0
        for _ in range(310):
            self.random()

    def random(self) -> int:
        r, f = self.r, self.f
        r[f] = (r[f] + r[self.b]) & _M32
        out = r[f] >> 1
        self.f = (f + 1) % 31
        self.b = (self.b + 1) % 31
        return out


def park_miller(state: int) -> int:
    """One step of Bro's deterministic generator (bifs/core-1.md §3): signed
    64-bit arithmetic, stored into an unsigned 32-bit variable, 0 -> 2^31-1."""
    s = 16807 * (state % 127773) - 2836 * (state // 127773)
    s &= _M32
    return s or 2147483647


class Seeds:
    """The generator and key words of one interpreter."""

    def __init__(self, seed_numbers: Optional[list] = None):
        # the 21 numbers of the seed file, or None in library mode
        self.seed_numbers = seed_numbers
        if seed_numbers is not None:
            self.state = seed_numbers[0] & _M32
            self.key_words = [n & _M32 for n in seed_numbers[1:SEED_WORDS]]
            self.glibc = None
        else:
            self.state = None
            self.glibc = GlibcRandom(DEFAULT_SRANDOM)
            # Fixed key words instead of Bro's clock and /dev/urandom ones:
            # those of Bro's test seed file, so that tables, bloom filters
            # and HyperLogLog hash as in Bro's test baselines
            self.key_words = list(BTEST_SEED_NUMBERS[1:SEED_WORDS])
        self.uid_pools: dict = {}       # pool -> [instance, counter]

    @property
    def numbers(self) -> tuple:
        """The 21 numbers of values.md §3.1: the seed file's, or without one
        Bro's test seed file's.  Bloom filters and HyperLogLog read them
        here (builtins/probkeys.py), tables through dictorder.use(), so one
        run hashes with one key."""
        if self.seed_numbers is not None:
            return tuple(self.seed_numbers)
        return BTEST_SEED_NUMBERS

    @property
    def deterministic(self) -> bool:
        return self.seed_numbers is not None

    def draw(self) -> int:
        """The next number of Bro's generator (bro_random)."""
        if self.glibc is None:
            self.state = park_miller(self.state)
            return self.state
        return self.glibc.random()

    def srand(self, n: int) -> None:
        """Bro's bro_srandom: a new state, or srandom() in library mode."""
        if self.glibc is None:
            self.state = n & _M32
        else:
            self.glibc.srandom(n)

    # ------------------------------------------------------------ keys
    def siphash_key(self) -> bytes:
        """The 16-byte SipHash key: buf[16..19] as little-endian words."""
        return struct.pack("<4I", *self.key_words[16:20])

    def md5_key(self) -> bytes:
        """The 16-byte MD5 key: MD5 of buf[0..15] as 64 little-endian bytes."""
        return hashlib.md5(struct.pack("<16I", *self.key_words[:16])).digest()

    def hash_key(self, data: bytes) -> int:
        """Bro's hash of a key's bytes (values.md §3.2): SipHash-2-4 for at
        most 36 bytes, else MD5 of the MD5 digest XOR the MD5 key."""
        if len(data) <= 36:
            return siphashc.siphash(self.siphash_key(), data)
        d = hashlib.md5(data).digest()
        e = hashlib.md5(bytes(a ^ b for a, b in zip(d, self.md5_key()))).digest()
        return struct.unpack("<Q", e[:8])[0]


# ---------------------------------------------------------------- seed file
def _scan_unsigned(text: bytes, pos: int):
    """One C `fscanf("%u")`: skip whitespace, optional sign, digits. Returns
    (value, new position) or (None, pos) when no number is there."""
    n = len(text)
    while pos < n and text[pos] in b" \t\n\v\f\r":
        pos += 1
    start = pos
    neg = False
    if pos < n and text[pos] in b"+-":
        neg = text[pos] == 0x2D
        pos += 1
    digits = pos
    while pos < n and 0x30 <= text[pos] <= 0x39:
        pos += 1
    if pos == digits:
        return None, start
    v = int(text[digits:pos])
    v = min(v, (1 << 64) - 1)          # strtoul saturates
    if neg:
        v = -v
    return v & _M32, pos


def parse_seed_file(text: bytes) -> Optional[list]:
    """The first 21 numbers of a seed file, or None if it has fewer."""
    nums, pos = [], 0
    while len(nums) < SEED_WORDS:
        v, pos = _scan_unsigned(text, pos)
        if v is None:
            return None
        nums.append(v)
    return nums


def seed_file_name(interp) -> Optional[str]:
    """-G wins over BRO_SEED_FILE; an empty BRO_SEED_FILE counts as unset."""
    if getattr(interp, "seed_file", None):
        return interp.seed_file
    # interp.environ maps bytes to bytes (interp.py)
    name = interp.environ.get(b"BRO_SEED_FILE")
    return os.fsdecode(name) if name else None


def load(interp) -> Seeds:
    """Read the seed file of `interp` (if any). A missing or short file is
    Bro's fatal error (bifs/core-1.md §3): the message, an empty line, exit 1."""
    name = seed_file_name(interp)
    if name is None:
        return Seeds(None)
    err = interp.reporter
    try:
        with open(name, "rb") as fh:
            text = fh.read()
    except OSError as ex:
        reason = os.strerror(ex.errno) if ex.errno else str(ex)
        err.write(f"warning: Could not open seed file '{name}': {reason}")
        text = None
    nums = parse_seed_file(text) if text is not None else None
    if nums is None:
        err.write(f"fatal error: Could not load seeds from file '{name}'.\n")
        raise ScriptExit(1)
    return Seeds(nums)


def for_interp(interp) -> Seeds:
    """The generator of `interp`, made on first use."""
    s = getattr(interp, "_seeds", None)
    if s is None:
        s = load(interp)
        interp._seeds = s
        # tables hash under the same key words (values.md §3.1)
        from . import dictorder
        dictorder.use(s)
    return s
