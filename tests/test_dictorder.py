"""Bro's dictionary order (values.md §3), checked against an independent
re-implementation of the spec's model written here: its own SipHash-2-4, its
own key bytes, its own eager dictionary with the incremental resize."""
import hashlib
import os
import random
import struct
import subprocess
import sys

import pytest

from broscript.runtime import dictorder, seeds
from broscript.runtime.ops import key_of
from broscript.runtime.values import (UNSET, RecordVal, Subnet, TableVal, addr_from_v4,
                                      make_port, make_subnet)
from broscript.types import BASE_TYPES, Attr, Attrs, Field, RecordType, TableType

BTEST_SEED = [2983378351, 1299727368, 0, 310447, 0, 1409073626, 3975311262, 34130240,
              1450515018, 1466150520, 1342286698, 1193956778, 2188527278, 3361989254,
              3912865238, 3596260151, 517973768, 1462428821, 0, 2278350848, 32767]
BTEST_WORDS = BTEST_SEED[1:]
BUILTIN_WORDS = seeds.Seeds(None).key_words
M = (1 << 64) - 1


# ------------------------------------------------------------ reference model
def siphash24(key: bytes, m: bytes) -> int:
    k0, k1 = struct.unpack("<QQ", key)
    v = [k0 ^ 0x736F6D6570736575, k1 ^ 0x646F72616E646F6D,
         k0 ^ 0x6C7967656E657261, k1 ^ 0x7465646279746573]

    def rotl(x, b):
        return ((x << b) | (x >> (64 - b))) & M

    def rnd():
        v[0] = (v[0] + v[1]) & M; v[1] = rotl(v[1], 13) ^ v[0]; v[0] = rotl(v[0], 32)
        v[2] = (v[2] + v[3]) & M; v[3] = rotl(v[3], 16) ^ v[2]
        v[0] = (v[0] + v[3]) & M; v[3] = rotl(v[3], 21) ^ v[0]
        v[2] = (v[2] + v[1]) & M; v[1] = rotl(v[1], 17) ^ v[2]; v[2] = rotl(v[2], 32)

    n = len(m) // 8 * 8
    for i in range(0, n, 8):
        w = int.from_bytes(m[i:i + 8], "little")
        v[3] ^= w
        rnd(); rnd()
        v[0] ^= w
    b = ((len(m) & 0xFF) << 56) | int.from_bytes(m[n:], "little")
    v[3] ^= b
    rnd(); rnd()
    v[0] ^= b
    v[2] ^= 0xFF
    for _ in range(4):
        rnd()
    return v[0] ^ v[1] ^ v[2] ^ v[3]


def ref_hash(words, data: bytes) -> int:
    """values.md §3.1-3.2."""
    if len(data) <= 36:
        return siphash24(b"".join(w.to_bytes(4, "little") for w in words[16:20]), data)
    mkey = hashlib.md5(b"".join(w.to_bytes(4, "little") for w in words[:16])).digest()
    d = hashlib.md5(data).digest()
    e = hashlib.md5(bytes(x ^ y for x, y in zip(d, mkey))).digest()
    return int.from_bytes(e[:8], "little")


def ref_next_prime(n):
    n |= 1
    if n > 1000:
        return n
    while any(n % d == 0 for d in range(3, n, 2)):
        n += 2
    return n


class RefDict:
    """values.md §3.4, step by step."""

    def __init__(self):
        self.tbl, self.tbl2, self.next = [[] for _ in range(17)], None, 0
        self.num, self.num2 = 0, 0
        self.thresh = 51

    def _where(self, h):
        b = h % len(self.tbl)
        if self.tbl2 is not None and b < self.next:
            return self.tbl2, h % len(self.tbl2), 2
        return self.tbl, b, 1

    def insert(self, key, h):
        t, b, which = self._where(h)
        if key not in [k for k, _ in t[b]]:
            t[b].append((key, h))
            if which == 1:
                self.num += 1
            else:
                self.num2 += 1
        if self.tbl2 is not None:
            moved = 0
            while True:
                chain = self.tbl[self.next]
                self.tbl[self.next] = []
                self.next += 1
                for k, hh in chain:
                    self.tbl2[hh % len(self.tbl2)].append((k, hh))
                self.num -= len(chain)
                self.num2 += len(chain)
                moved += len(chain)
                if moved >= 8 or self.next >= len(self.tbl):
                    break
            if self.next >= len(self.tbl):
                self.tbl, self.tbl2, self.next = self.tbl2, None, 0
                self.num, self.num2 = self.num2, 0
                self.thresh = int(3.0 * len(self.tbl))
        elif self.num >= self.thresh:
            self.tbl2 = [[] for _ in range(ref_next_prime(2 * len(self.tbl) + 1))]
            self.next = 0

    def delete(self, key, h):
        t, b, which = self._where(h)
        if key in [k for k, _ in t[b]]:
            t[b] = [(k, hh) for k, hh in t[b] if k != key]
            if which == 1:
                self.num -= 1
            else:
                self.num2 -= 1

    def order(self):
        out = [k for chain in self.tbl[self.next:] for k, _ in chain]
        if self.tbl2 is not None:
            out += [k for chain in self.tbl2 for k, _ in chain]
        return out


# the key bytes of values.md §3.3, written out per shape
def kb_int(n):
    return struct.pack("<Q", n & M)


def kb_str(s):
    return s


def kb_addr(a):
    return a.to_bytes(16, "big")


def kb_subnet(prefix, fam_len):
    return prefix.to_bytes(16, "big") + struct.pack("<I", fam_len)


def comp_str_count(s, n):
    out = struct.pack("<i", len(s)) + s
    out += bytes(-len(out) % 8)
    return out + kb_int(n)


# ------------------------------------------------------------ helpers
@pytest.fixture
def btest_keys():
    dictorder.use(seeds.Seeds(BTEST_SEED))
    yield BTEST_WORDS
    dictorder.use(seeds.Seeds(None))


@pytest.fixture
def builtin_keys():
    dictorder.use(seeds.Seeds(None))
    yield BUILTIN_WORDS


def tv_of(types, yield_=None):
    return TableVal(TableType(list(types), yield_))


def put(tv, idx):
    tv.data[key_of(idx)] = [list(idx), None]


def model_order(words, ops, kbytes):
    """ops: ("i", key) / ("d", key); kbytes(key) -> bytes."""
    d = RefDict()
    for op, k in ops:
        h = ref_hash(words, kbytes(k))
        (d.insert if op == "i" else d.delete)(k, h)
    return d.order()


def broscript_order(tv, ops, idx_of):
    for op, k in ops:
        if op == "i":
            put(tv, idx_of(k))
        else:
            tv.data.pop(key_of(idx_of(k)), None)
    return list(tv.data)


# ------------------------------------------------------------ the model itself
def test_siphash_reference_agrees_with_the_library():
    key = bytes(range(16))
    for n in range(0, 40):
        m = bytes(range(n))
        import siphashc
        assert siphash24(key, m) == siphashc.siphash(key, m)


def test_spec_count_examples_btest_seed():
    # values.md §3, first bullet, each checked by both models
    cases = [([1, 5, 3], [1, 5, 3]), ([42, 37], [37, 42]), ([1, 2, 3], [2, 1, 3]),
             ([1, 2, 3, 4], [2, 4, 1, 3]), ([1, 3, 5, 7, 9], [9, 1, 7, 5, 3]),
             ([13, 5], [5, 13])]
    for keys, expected in cases:
        ops = [("i", k) for k in keys]
        assert model_order(BTEST_WORDS, ops, kb_int) == expected


def test_spec_examples_in_broscript(btest_keys):
    count = BASE_TYPES["count"]
    for keys, expected in [([1, 5, 3], [1, 5, 3]), ([42, 37], [37, 42]),
                           ([1, 2, 3, 4], [2, 4, 1, 3]), ([1, 3, 5, 7, 9], [9, 1, 7, 5, 3])]:
        tv = tv_of([count])
        assert broscript_order(tv, [("i", k) for k in keys], lambda k: [k]) == expected
    ports = [make_port(n, "tcp") for n in (1, 2, 3)]
    tv = tv_of([BASE_TYPES["port"]])
    assert [p & 0xFFFF for p in broscript_order(tv, [("i", p) for p in ports], lambda k: [k])] \
        == [3, 2, 1]
    assert [p & 0xFFFF for p in model_order(BTEST_WORDS, [("i", p) for p in ports], kb_int)] \
        == [3, 2, 1]
    for keys, expected in [([b"one", b"two", b"three"], [b"two", b"one", b"three"]),
                           ([b"test1", b"test2", b"test3", b"test4"],
                            [b"test4", b"test3", b"test1", b"test2"])]:
        tv = tv_of([BASE_TYPES["string"]])
        assert broscript_order(tv, [("i", k) for k in keys], lambda k: [k]) == expected
        assert model_order(BTEST_WORDS, [("i", k) for k in keys], kb_str) == expected


def test_spec_key_bytes_examples():
    s, c = BASE_TYPES["string"], BASE_TYPES["count"]
    fn = dictorder.key_bytes_fn(TableType([s, c], None))
    assert fn([b"foo", 1]) == b"\x03\0\0\0foo\0" + b"\x01" + bytes(7)
    assert fn([b"foo", 1]) == comp_str_count(b"foo", 1)
    rt = RecordType([Field("a", c), Field("b", c, Attrs([Attr("&optional", None, None)]))])
    rfn = dictorder.key_bytes_fn(TableType([rt], None))
    assert rfn([RecordVal(rt, [1, UNSET])]) == b"\x01" + bytes(7) + b"\x00"
    # the presence byte is unaligned; the field after it is aligned again
    assert rfn([RecordVal(rt, [1, 2])]) == b"\x01" + bytes(7) + b"\x01" + bytes(7) + kb_int(2)


def test_subnet_key_is_relative_to_family():
    fn = dictorder.key_bytes_fn(TableType([BASE_TYPES["subnet"]], None))
    v4 = make_subnet(addr_from_v4(0x0A000000), 24)
    assert fn([v4]) == kb_subnet(addr_from_v4(0x0A000000), 24)
    v6 = make_subnet(0x20010DB8 << 96, 64)
    assert fn([v6]) == kb_subnet(0x20010DB8 << 96, 64)


# ------------------------------------------------------------ many shapes
SHAPES = {
    "count": ([BASE_TYPES["count"]], lambda i: [i * 7919 % 100003], lambda k: kb_int(k)),
    "int": ([BASE_TYPES["int"]], lambda i: [-i * 31], lambda k: kb_int(k)),
    "short string": ([BASE_TYPES["string"]], lambda i: [b"k%d" % i], kb_str),
    "long string": ([BASE_TYPES["string"]], lambda i: [b"x" * 40 + b"%d" % i], kb_str),
    "port": ([BASE_TYPES["port"]], lambda i: [make_port(i, ("tcp", "udp")[i % 2])], kb_int),
    "addr v4": ([BASE_TYPES["addr"]], lambda i: [addr_from_v4(0xC0A80000 + i)], kb_addr),
    "addr v6": ([BASE_TYPES["addr"]], lambda i: [(0xFE80 << 112) + i * 65537], kb_addr),
    "subnet": ([BASE_TYPES["subnet"]], lambda i: [make_subnet(addr_from_v4(i << 8), 24)],
               lambda k: kb_subnet(k.prefix, k.width - 96)),
}


def _single_ops(shape, n, deletes=0, seed=1):
    _, mk, _ = SHAPES[shape]
    keys = [mk(i)[0] for i in range(n)]
    ops = [("i", k) for k in keys]
    rng = random.Random(seed)
    for k in rng.sample(keys, deletes):
        ops.append(("d", k))
    for k in rng.sample(keys, deletes // 2):
        ops.append(("i", k))                   # re-added: end of its chain
    ops += [("i", k) for k in keys[:5]]         # existing keys: advance a resize
    return ops


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("n", [2, 9, 50, 51, 52, 60, 112, 300, 700])
def test_shapes_btest_seed(btest_keys, shape, n):
    types, _, kb = SHAPES[shape]
    ops = _single_ops(shape, n, deletes=n // 4)
    expected = model_order(BTEST_WORDS, ops, kb)
    got = broscript_order(tv_of(types), ops, lambda k: [k])
    assert got == [key_of([k]) for k in expected]


@pytest.mark.parametrize("shape", ["count", "short string", "addr v6"])
@pytest.mark.parametrize("n", [3, 51, 200, 1500])
def test_shapes_builtin_seed(builtin_keys, shape, n):
    types, _, kb = SHAPES[shape]
    ops = _single_ops(shape, n, deletes=n // 3, seed=n)
    expected = model_order(BUILTIN_WORDS, ops, kb)
    assert broscript_order(tv_of(types), ops, lambda k: [k]) == expected


def test_composite_and_record_keys(btest_keys):
    s, c = BASE_TYPES["string"], BASE_TYPES["count"]
    opt = Attrs([Attr("&optional", None, None)])
    rt = RecordType([Field("a", c), Field("s", s, opt), Field("b", c)])

    def rec_bytes(k):
        a, sv, b = k
        out = kb_int(a)
        if sv is None:
            out += b"\x00"
        else:
            out += b"\x01"
            out += bytes(-len(out) % 4) + struct.pack("<i", len(sv)) + sv
        return out + bytes(-len(out) % 8) + kb_int(b)

    keys = [(i, None if i % 3 == 0 else b"v" * (i % 5), i * 3) for i in range(80)]
    ops = [("i", k) for k in keys] + [("d", keys[7]), ("i", keys[7])]
    expected = model_order(BTEST_WORDS, ops, rec_bytes)
    tv = tv_of([rt])
    for op, k in ops:
        rv = RecordVal(rt, [k[0], UNSET if k[1] is None else k[1], k[2]])
        if op == "i":
            put(tv, [rv])
        else:
            del tv.data[key_of([rv])]
    got = [(e[0][0].vals[0], None if e[0][0].vals[1] is UNSET else e[0][0].vals[1],
            e[0][0].vals[2]) for e in tv.data.values()]
    assert got == expected

    pairs = [(b"s%d" % i, i) for i in range(60)]
    expected = model_order(BTEST_WORDS, [("i", p) for p in pairs], lambda p: comp_str_count(*p))
    tv = tv_of([s, c])
    for p in pairs:
        put(tv, list(p))
    assert [tuple(e[0]) for e in tv.data.values()] == expected


def test_clear_copy_and_set_ops(btest_keys):
    c = BASE_TYPES["count"]
    tv = tv_of([c])
    for k in range(100):
        put(tv, [k])
    tv.data.clear()
    for k in (1, 2, 3):
        put(tv, [k])
    assert list(tv.data) == [2, 1, 3]            # a fresh 17-bucket dictionary
    from broscript.runtime.ops import deep_copy
    big = tv_of([c])
    for k in range(120):
        put(big, [k])
    cp = deep_copy(big)
    # copy re-inserts in the source's order
    assert list(cp.data) == model_order(BTEST_WORDS, [("i", k) for k in big.data], kb_int)


# ------------------------------------------------------------ whole runs
SEED_SCRIPT = b"""
global s = set(1, 5, 3, 42, 37);
global t: table[string] of count = { ["one"] = 1, ["two"] = 2, ["three"] = 3 };
event bro_init()
	{
	print s;
	for ( k in t )
		print k, t[k];
	local big: set[count];
	local i = 0;
	while ( i < 60 )
		{
		add big[i * 11];
		++i;
		}
	delete big[11];
	local out = "";
	for ( k2 in big )
		out = fmt("%s %d", out, k2);
	print out;
	}
"""


def _run(tmp_path, script, env_extra):
    env = {k: v for k, v in os.environ.items() if k not in ("BRO_SEED_FILE", "ZEEKPATH")}
    env.update(env_extra)
    f = tmp_path / "x.bro"
    f.write_bytes(script)
    return subprocess.run([sys.executable, "-m", "broscript", "-b", "x.bro"], cwd=tmp_path,
                          env=env, capture_output=True, timeout=120, stdin=subprocess.DEVNULL)


def _expected_run(words):
    s = model_order(words, [("i", k) for k in (1, 5, 3, 42, 37)], kb_int)
    t = model_order(words, [("i", k) for k in (b"one", b"two", b"three")], kb_str)
    vals = {b"one": 1, b"two": 2, b"three": 3}
    big = model_order(words, [("i", i * 11) for i in range(60)] + [("d", 11)], kb_int)
    lines = ["{"] + [f"{k}," for k in s[:-1]] + [f"{s[-1]}", "}"]
    lines += [f"{k.decode()}, {vals[k]}" for k in t]
    lines.append("".join(f" {k}" for k in big))
    return ("\n".join(lines) + "\n").encode()


def test_run_with_btest_seed_file(tmp_path):
    seed = tmp_path / "random.seed"
    seed.write_text("\n".join(str(n) for n in BTEST_SEED) + "\n")
    proc = _run(tmp_path, SEED_SCRIPT, {"BRO_SEED_FILE": str(seed)})
    assert proc.stderr == b""
    assert proc.stdout == _expected_run(BTEST_WORDS)
    # values.md §3 examples hold in a whole run too
    assert b"}\ntwo, 2\none, 1\nthree, 3\n" in proc.stdout


def test_run_without_seed_file_uses_builtin_seed(tmp_path):
    proc = _run(tmp_path, SEED_SCRIPT, {})
    assert proc.stderr == b""
    assert proc.stdout == _expected_run(BUILTIN_WORDS)


# ------------------------------------------------------------ output order
BUFFER_SCRIPT = b"""
global v: vector of count = vector(1);
event bro_init()
	{
	print "before";
	print v[7];
	print "after";
	}
"""


def test_stdout_buffered_stderr_not_in_one_pipe(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("BRO_SEED_FILE", "ZEEKPATH")}
    (tmp_path / "x.bro").write_bytes(BUFFER_SCRIPT)
    proc = subprocess.run([sys.executable, "-m", "broscript", "-b", "x.bro"], cwd=tmp_path,
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          timeout=120, stdin=subprocess.DEVNULL)
    assert proc.stdout == (b"error in ./x.bro, line 6: no such index (v[7])\n"
                           b"before\nafter\n")


# ------------------------------------------------------------ the golden
GOLDEN = os.path.join(os.path.dirname(__file__), "golden", "values",
                      "3.4-dict-order-builtin-seed")


def _ins(keys):
    return [("i", k) for k in keys]


def golden_expected(words) -> str:
    """The output of GOLDEN.bro, from the reference model alone."""
    o = lambda ops, kb: model_order(words, ops, kb)  # noqa: E731
    out = []
    s_keys = [1, 5, 3, 42, 37]
    s = o(_ins(s_keys), kb_int)
    out += ["{"] + [f"{k}," for k in s[:-1]] + [f"{s[-1]}", "}"]
    t = o(_ins([b"one", b"two", b"three"]), kb_str)
    vals = {b"one": 1, b"two": 2, b"three": 3}
    out += ["{"] + [f"[{k.decode()}] = {vals[k]}," for k in t[:-1]]
    out += [f"[{t[-1].decode()}] = {vals[t[-1]]}", "}"]
    ports = {make_port(1, "tcp"): "1/tcp", make_port(2, "tcp"): "2/tcp",
             make_port(3, "tcp"): "3/tcp", make_port(53, "udp"): "53/udp"}
    out += [ports[k] for k in o(_ins(ports), kb_int)]
    addrs = {addr_from_v4(0x0A000001): "10.0.0.1", addr_from_v4(0x0A000002): "10.0.0.2",
             (0xFE80 << 112) | 1: "fe80::1", addr_from_v4(0xC0A80101): "192.168.1.1"}
    out += [addrs[k] for k in o(_ins(addrs), kb_addr)]
    nets = {(addr_from_v4(0x0A000000), 8): "10.0.0.0/8",
            (addr_from_v4(0x0A010000), 16): "10.1.0.0/16",
            (0x20010DB8 << 96, 32): "2001:db8::/32"}
    out += [nets[k] for k in o(_ins(nets), lambda k: kb_subnet(*k))]
    comp = [(b"foo", 1), (b"bar", 2), (b"baz", 3)]
    out += [f"{a.decode()}, {b}" for a, b in o(_ins(comp), lambda k: comp_str_count(*k))]
    longs = [b"a string that is longer than thirty-six bytes, one",
             b"a string that is longer than thirty-six bytes, two", b"short"]
    out += [k.decode() for k in o(_ins(longs), kb_str)]

    def rec(k):
        a, b = k
        if b is None:
            return kb_int(a) + b"\x00"
        return kb_int(a) + b"\x01" + bytes(3) + struct.pack("<i", len(b)) + b

    recs = [(1, None), (2, b"x"), (3, None)]
    out += [f"[a={a}, b={'<uninitialized>' if b is None else b.decode()}]"
            for a, b in o(_ins(recs), rec)]
    out += [str(k) for k in o(_ins(s + [7, 8]), kb_int)]              # copy of s, then b
    other = o(_ins([5, 42, 99]), kb_int)                              # the smaller operand
    out += [str(k) for k in o(_ins([k for k in other if k in s_keys]), kb_int)]
    out += [str(k) for k in o(_ins(s) + [("d", 1)], kb_int)]          # copy, then delete
    big = o(_ins([i * 3 for i in range(120)]) + [("d", 3), ("d", 30), ("i", 3)], kb_int)
    out.append("".join(f" {k}" for k in o(_ins(big), kb_int)))        # copy(big)
    return "\n".join(out) + "\n"


def test_golden_is_the_model():
    with open(GOLDEN + ".out") as fh:
        assert fh.read() == golden_expected(BUILTIN_WORDS)


def test_terminal_gets_each_print_at_once(tmp_path):
    # stdout and stderr on a terminal: line by line, in the order written
    import pty
    env = {k: v for k, v in os.environ.items() if k not in ("BRO_SEED_FILE", "ZEEKPATH")}
    (tmp_path / "x.bro").write_bytes(BUFFER_SCRIPT)
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "broscript", "-b", "x.bro"],
                                cwd=tmp_path, env=env, stdout=slave, stderr=slave,
                                stdin=subprocess.DEVNULL)
        os.close(slave)
        data = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:            # EIO: the child side is closed
                break
            if not chunk:
                break
            data += chunk
        proc.wait(timeout=120)
    finally:
        os.close(master)
    assert data.replace(b"\r\n", b"\n") == (b"before\n"
                                            b"error in ./x.bro, line 6: no such index (v[7])\n"
                                            b"after\n")
