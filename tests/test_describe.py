"""Value rendering: values.md §1 (print, the three contexts, table layout)
and §2 (exact formats), built straight in our value model."""
from __future__ import annotations

import pytest

from broscript.runtime.dictorder import BroDict

from broscript import types as T
from broscript.runtime.describe import (describe, escape_print, fmt_double,
                                        fmt_interval, print_line)
from broscript.runtime.values import (
    UNSET, AnyVal, EnumVal, FileVal, FuncVal, Interval, OpaqueVal, PatternVal,
    RecordVal, TableVal, VectorVal, addr_from_v4, make_port, make_subnet)


# --------------------------------------------------------------------------
# builders

def P(t, v):
    return describe(t, v, "print")


def RAW(t, v):
    return describe(t, v, "raw")


def SHORT(t, v):
    return describe(t, v, "short")


def rec_type(*fields):
    return T.RecordType([T.Field(n, t) for n, t in fields])


def rec(rt, *vals):
    return RecordVal(rt, list(vals))


class GivenOrder(BroDict):
    """These layout tests fix the walk order themselves; Bro's dictionary
    order is tested in test_dictorder.py."""
    __slots__ = ()

    def keys_in_order(self):
        return list(dict.keys(self))


def table(itypes, ytype, entries):
    """entries: [(index_list, value)], kept in the given (print) order."""
    tt = T.TableType(list(itypes), ytype)
    tv = TableVal(tt)
    tv.data = GivenOrder(tt)
    for idx, val in entries:
        tv.data[tuple(map(repr, idx))] = [list(idx), val]
    return tt, tv


def set_(itypes, elems):
    return table(itypes, None, [(e if isinstance(e, list) else [e], None) for e in elems])


def vec(yt, items):
    vt = T.VectorType(yt)
    return vt, VectorVal(vt, list(items))


def enum_type():
    et = T.EnumType("E")
    one = et.add(EnumVal(et, "ONE", 0))
    two = et.add(EnumVal(et, "TEST::TWO", 1))
    return et, one, two


def addr(text):
    from broscript.runtime.addrs import parse_addr
    return parse_addr(text)


# --------------------------------------------------------------------------
# §1.1 the print statement

def test_print_line_separators():
    et = T.EnumType("Foo")
    foo = et.add(EnumVal(et, "Foo", 0))
    assert print_line([et, T.BOOL, T.BOOL, T.BOOL], [foo, True, False, False]) == b"Foo, T, F, F\n"


def test_print_empty_string_is_empty_line():
    assert print_line([T.STRING], [b""]) == b"\n"


def test_print_any_shows_underlying_value():
    assert print_line([T.ANY, T.ANY], [AnyVal(T.COUNT, 1), AnyVal(T.STRING, b"x\n")]) == b"1, x\\x0a\n"


# --------------------------------------------------------------------------
# §1.2 per-type rendering

def test_bool():
    assert P(T.BOOL, True) == b"T"
    assert P(T.BOOL, False) == b"F"


def test_count_and_int():
    assert P(T.COUNT, 18446744073709551615) == b"18446744073709551615"
    assert P(T.INT, -10) == b"-10"
    assert P(T.INT, -9223372036854775808) == b"-9223372036854775808"


def test_double_and_time():
    assert P(T.DOUBLE, 3.0) == b"3.0"
    assert P(T.DOUBLE, 1.23) == b"1.23"
    assert P(T.DOUBLE, 0.000001) == b"0.000001"
    assert P(T.TIME, 1342748947.655087) == b"1342748947.655087"
    assert P(T.TIME, 0.0) == b"0.0"


def test_interval_print():
    assert P(T.INTERVAL, Interval(-420.0)) == b"-7.0 mins"
    assert P(T.INTERVAL, Interval(0.0)) == b"0 secs"


def test_string_escapes():
    assert P(T.STRING, b"a\tb") == b"a\\x09b"
    assert P(T.STRING, "é".encode()) == b"\\xc3\\xa9"
    assert P(T.STRING, b"\x7f\x7e\x20\x1f") == b"\\x7f~ \\x1f"
    # backslash and quotes are not escaped in print mode (§2.6)
    assert P(T.STRING, b'a\\b"c\'') == b'a\\b"c\''


def test_string_escape_in_record():
    rt = rec_type(("link_address", T.STRING))
    assert P(rt, rec(rt, b"\xc2\x00T\xf5\x00\x00")) == b"[link_address=\\xc2\\x00T\\xf5\\x00\\x00]"


def test_pattern():
    assert P(T.PATTERN, PatternVal("^?(foo)$?", None, None)) == b"/^?(foo)$?/"
    assert P(T.PATTERN, PatternVal("^?(^foo|bar)$?", None, None)) == b"/^?(^foo|bar)$?/"
    assert P(T.PATTERN, PatternVal("(?i:^?(x)$?)", None, None)) == b"/(?i:^?(x)$?)/"
    assert (P(T.PATTERN, PatternVal("^?((^?(a)$?)|(^?(b)$?))$?", None, None))
            == b"/^?((^?(a)$?)|(^?(b)$?))$?/")
    assert (P(T.PATTERN, PatternVal(r"^?(b\[a\-z\]\+)$?", None, None))
            == rb"/^?(b\[a\-z\]\+)$?/")


def test_enum():
    et, one, two = enum_type()
    assert P(et, one) == b"ONE"
    assert P(et, two) == b"TEST::TWO"


def test_port():
    assert P(T.PORT, make_port(80, "tcp")) == b"80/tcp"
    assert P(T.PORT, make_port(4, "unknown")) == b"4/unknown"
    assert P(T.PORT, make_port(53, "udp")) == b"53/udp"
    assert P(T.PORT, make_port(8, "icmp")) == b"8/icmp"


def test_port_vector_order_example():
    vt, v = vec(T.PORT, [make_port(57, "tcp"), make_port(123, "tcp"), make_port(7, "udp"),
                         make_port(500, "udp"), make_port(12, "icmp")])
    assert P(vt, v) == b"[57/tcp, 123/tcp, 7/udp, 500/udp, 12/icmp]"


def test_record_and_unset_field():
    rt = rec_type(("a", T.COUNT), ("b", T.STRING))
    assert P(rt, rec(rt, 1, UNSET)) == b"[a=1, b=<uninitialized>]"


def test_nested_record():
    inner = rec_type(("foo", T.COUNT), ("quux", T.COUNT))
    outer = rec_type(("bar", T.COUNT), ("foo", inner))
    assert P(outer, rec(outer, 4321, rec(inner, 1234, 9876))) == b"[bar=4321, foo=[foo=1234, quux=9876]]"


def test_vector_holes():
    vt, v = vec(T.STRING, [b"Hello", UNSET, UNSET, UNSET, b"World"])
    assert P(vt, v) == b"[Hello, , , , World]"
    vt, v = vec(T.STRING, [b"zero", b"one", UNSET, UNSET, UNSET, b"five", UNSET, b"seven"])
    assert P(vt, v) == b"[zero, one, , , , five, , seven]"
    assert P(*vec(T.COUNT, [])) == b"[]"
    assert P(*vec(T.COUNT, [1, 2, 3])) == b"[1, 2, 3]"


def test_function_file_opaque_type():
    ft = T.FuncType("function", [], T.VOID)
    assert P(ft, FuncVal("foo", ft)) == b"foo"
    assert P(T.FileType(T.STRING), FileVal("out.log", None)) == b'file "out.log" of string'
    assert P(T.OpaqueType("md5"), OpaqueVal("md5")) == b"<no value description>"
    assert P(T.TypeType(T.COUNT), T.COUNT) == b"<no value description>"
    rt = rec_type(("handle", T.OpaqueType("x509")))
    assert P(rt, rec(rt, OpaqueVal("x509"))) == b"[handle=<no value description>]"


def test_unset_top_level():
    assert P(T.COUNT, UNSET) == b"<uninitialized>"


def test_any_in_containers():
    vt, v = vec(T.ANY, [AnyVal(T.COUNT, 1), AnyVal(T.STRING, b"a"), AnyVal(T.INTERVAL, Interval(60.0))])
    assert P(vt, v) == b"[1, a, 1.0 min]"


# --------------------------------------------------------------------------
# §2.8 / §2.9 addresses and subnets (through addrs.py)

@pytest.mark.parametrize("text,out", [
    ("1.2.3.4", "1.2.3.4"), ("::1", "::1"), ("::ffff", "::ffff"),
    ("::ffff:ffff", "::255.255.255.255"), ("::10.10.255.255", "::10.10.255.255"),
    ("ffff::c0a8:164", "ffff::c0a8:164"), ("::ffff:0:192.168.1.100", "::ffff:0:192.168.1.100"),
    ("aaaa::ffff", "aaaa::ffff"),
    ("805B:2D9D:DC28::FC57:212.200.31.255", "805b:2d9d:dc28::fc57:d4c8:1fff"),
    ("aaaa:bbbb:cccc:dddd:eeee::2222", "aaaa:bbbb:cccc:dddd:eeee::2222"),
    ("::", "::"), ("::ffff:1.2.3.4", "1.2.3.4"),
])
def test_addr(text, out):
    assert P(T.ADDR, addr(text)) == out.encode()


def test_subnet():
    assert P(T.SUBNET, make_subnet(addr_from_v4(0xC0A80000), 16)) == b"192.168.0.0/16"
    assert P(T.SUBNET, make_subnet(addr("192.168.1.5"), 24)) == b"192.168.1.0/24"
    assert P(T.SUBNET, make_subnet(addr("fe80::"), 64)) == b"fe80::/64"


# --------------------------------------------------------------------------
# §1.3 the three contexts

def test_context_b_set_of_counts():
    tt, s = set_([T.COUNT], [2, 1, 3])
    assert RAW(tt, s) == b"{\n\t2,\n\t1,\n\t3\n}"
    assert escape_print(b"*" + RAW(tt, s) + b"*") == b"*{\\x0a\\x092,\\x0a\\x091,\\x0a\\x093\\x0a}*"


def test_context_b_table_of_strings():
    tt, t = table([T.COUNT], T.STRING, [([2], b"bro"), ([1], b"test")])
    assert escape_print(RAW(tt, t)) == b"{\\x0a\\x09[2] = bro,\\x0a\\x09[1] = test\\x0a}"


def test_context_b_string_set_in_record_has_no_tab():
    st, s = set_([T.STRING], [b"C3eiCBGOLw3VtHfOj"])
    at, a = set_([T.ADDR], [addr("17.167.150.73")])
    rt = rec_type(("s", st), ("a", at))
    assert escape_print(RAW(rt, rec(rt, s, a))) == (
        b"[s={\\x0aC3eiCBGOLw3VtHfOj\\x0a}, a={\\x0a\\x0917.167.150.73\\x0a}]")


def test_context_b_nested_tables():
    it, inner = table([T.COUNT], T.STRING, [([13], b"bar")])
    ot, outer = table([T.COUNT], it, [([0], inner)])
    assert RAW(ot, outer) == b"{\n\t[0] = {\n\t\t[13] = bar\n\t}\n}"
    assert P(ot, outer) == b"{\n[0] = {\n[13] = bar\n}\n}"
    assert SHORT(ot, outer) == b"{[0] = {[13] = bar}}"


def test_context_b_raw_strings_and_newline_inside_string():
    # A newline written by a raw string makes the next non-string token indent.
    rt = rec_type(("s", T.STRING), ("n", T.COUNT))
    tt, t = table([T.COUNT], rt, [([1], rec(rt, b"x\n", 5))])
    assert RAW(tt, t) == b"{\n\t[1] = [s=x\n\t, n=5]\n}"
    assert RAW(T.STRING, b"a\n\xff") == b"a\n\xff"


def test_context_c_short():
    tt, t = table([T.COUNT], T.STRING, [([2], b"bro"), ([1], b"test")])
    assert SHORT(tt, t) == b"{[2] = bro,[1] = test}"
    et = T.EnumType("Analyzer")
    http = et.add(EnumVal(et, "HTTP", 0))
    st, s = set_([et], [http])
    rt = rec_type(("service", st))
    assert SHORT(rt, rec(rt, s)) == b"[service={HTTP}]"
    assert SHORT(T.STRING, b"a\tb") == b"a\\x09b"
    assert SHORT(*set_([T.COUNT], [])) == b"{}"


# --------------------------------------------------------------------------
# §1.4 table and set layout

def test_table_layout():
    tt, t = table([T.COUNT], T.STRING, [([1], b"one"), ([5], b"five"), ([3], b"three")])
    assert P(tt, t) == b"{\n[1] = one,\n[5] = five,\n[3] = three\n}"


def test_composite_set_trailing_blank():
    tt, s = set_([T.STRING, T.COUNT], [[b"test", 1], [b"cool", 2]])
    assert P(tt, s) == b"{\n[test, 1] ,\n[cool, 2] \n}"
    assert RAW(tt, s) == b"{\n\t[test, 1] ,\n\t[cool, 2] \n}"


def test_empty_table_and_set():
    assert P(*set_([T.COUNT], [])) == b"{\n\n}"
    assert RAW(*table([T.COUNT], T.STRING, [])) == b"{\n\n}"


def test_record_index_and_set_of_records():
    rt = rec_type(("min", T.COUNT), ("max", T.COUNT))
    r = rec(rt, UNSET, 5)
    tt, t = table([rt], T.STRING, [([r], b"max5")])
    assert P(tt, t) == b"{\n[[min=<uninitialized>, max=5]] = max5\n}"
    st, s = set_([rt], [r, rec(rt, 1, 2)])
    assert P(st, s) == b"{\n[min=<uninitialized>, max=5],\n[min=1, max=2]\n}"


def test_record_holding_empty_set():
    st, s = set_([T.COUNT], [])
    rt = rec_type(("a", T.COUNT), ("b", T.COUNT), ("myset", st), ("c", T.COUNT))
    assert P(rt, rec(rt, 21, UNSET, s, 42)) == b"[a=21, b=<uninitialized>, myset={\n\n}, c=42]"


def test_table_of_any_values():
    tt, t = table([T.COUNT], T.ANY, [([1], AnyVal(T.DOUBLE, 2.5))])
    assert P(tt, t) == b"{\n[1] = 2.5\n}"


# --------------------------------------------------------------------------
# §2.3 doubles

@pytest.mark.parametrize("value,out", [
    (3.0, "3.0"), (3.14159265, "3.141593"), (0.1 + 0.2, "0.3"), (-8.1, "-8.1"),
    (0.000001, "0.000001"), (1e-7, "0"), (-1e-7, "-0"), (2.0000001, "2"),
    (0.9999999, "1"), (-0.0, "0.0"), (1e10, "1.000000e+10"),
    (2147483648.0, "2.147484e+09"), (1234563.14, "1234563.14"),
    (-3e9, "-3.000000e+09"), (float("inf"), "inf"), (float("-inf"), "-inf"),
    (float("nan"), "nan"), (2147483647.0, "2147483647.0"), (1.23, "1.23"),
    (310.0, "310.0"), (0.5, "0.5"), (-2.0, "-2.0"),
])
def test_fmt_double(value, out):
    assert fmt_double(value) == out
    assert P(T.DOUBLE, value) == out.encode()


# --------------------------------------------------------------------------
# §2.4 intervals

@pytest.mark.parametrize("value,out", [
    (7.518828, "7.0 secs 518.0 msecs 828.0 usecs"),
    (4294967295.0, "49710.0 days 6.0 hrs 28.0 mins 15.0 secs"),
    (53e-6, "53.0 usecs"), (900.0, "15.0 mins"), (7200.0, "2.0 hrs"),
    (1.0, "1.0 sec"), (0.0, "0 secs"), (90.0, "1.0 min 30.0 secs"),
    (-90.0, "-1.0 min -30.0 secs"), (0.0000005, ""), (-420.0, "-7.0 mins"),
    (10800.0, "3.0 hrs"), (2.5 * 86400, "2.0 days 12.0 hrs"), (-7200.0, "-2.0 hrs"),
])
def test_fmt_interval(value, out):
    assert fmt_interval(value) == out
    assert P(T.INTERVAL, Interval(value)) == out.encode()


def test_interval_from_builtin_prints_as_double():
    # double_to_interval(1234563.14) is a plain float (§2.4 gotcha)
    assert P(T.INTERVAL, 1234563.14) == b"1234563.14"
    assert P(T.INTERVAL, 90.0) == b"90.0"
    assert RAW(T.INTERVAL, Interval(10800.0)) == b"3.0 hrs"


def test_rawfile_mode_raw_strings_without_indent():
    it, inner = table([T.COUNT], T.STRING, [([13], b"b\tr")])
    ot, outer = table([T.COUNT], it, [([0], inner)])
    assert describe(ot, outer, "rawfile") == b"{\n[0] = {\n[13] = b\tr\n}\n}"
    assert describe(T.STRING, b"a\n", "rawfile") == b"a\n"
