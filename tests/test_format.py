"""fmt / cat / cat_sep / string_cat / join_string_vec: values.md §6.1-§6.2,
called straight with a stub call context that records builtin errors."""
from __future__ import annotations

import os
import time

import pytest

from broscript import types as T
from broscript.builtins import format as F
from broscript.builtins.registry import BUILTINS
from broscript.runtime.describe import escape_print
from broscript.runtime.values import (
    UNSET, AnyVal, EnumVal, Interval, TableVal, VectorVal, addr_from_v4, make_port, make_subnet)


class StubReporter:
    def __init__(self):
        self.lines = []

    def error(self, msg, loc):
        self.lines.append(msg)


class StubRt:
    def __init__(self):
        self.reporter = StubReporter()


class StubCtx:
    """Records `builtin_error(msg, extra)` calls instead of printing them."""

    def __init__(self):
        self.errors = []
        self.rt = StubRt()

    def builtin_error(self, msg, extra=None):
        self.errors.append((msg, extra))


def A(v, t=None):
    """An AnyVal, with the Bro type guessed from the Python value."""
    if t is None:
        if isinstance(v, bool):
            t = T.BOOL
        elif isinstance(v, Interval):
            t = T.INTERVAL
        elif isinstance(v, int):
            t = T.COUNT if v >= 0 else T.INT
        elif isinstance(v, float):
            t = T.DOUBLE
        elif isinstance(v, bytes):
            t = T.STRING
        else:
            raise TypeError(v)
    return AnyVal(t, v)


def fmt(*args, errors=None):
    ctx = StubCtx()
    out = F.fmt(ctx, [a if isinstance(a, AnyVal) else A(a) for a in args])
    if errors is not None:
        assert ctx.errors == errors
    else:
        assert ctx.errors == []
    return out


def test_registered_with_bro_signatures():
    assert BUILTINS["fmt"].signature == "function fmt(...): string"
    assert BUILTINS["cat"].signature == "function cat(...): string"
    assert BUILTINS["cat_sep"].signature == "function cat_sep(sep: string, def: string, ...): string"
    assert BUILTINS["string_cat"].signature == "function string_cat(...): string"
    assert (BUILTINS["join_string_vec"].signature
            == "function join_string_vec(vec: string_vec, sep: string): string")


# --------------------------------------------------------------------------
# §6.1 baseline outputs [BL bifs.fmt]

def test_fmt_baselines():
    assert fmt(b"*%-10s*", b"test") == b"*test      *"
    assert fmt(b"*%10s*", True) == b"*         T*"
    assert fmt(b"%10.2e", 3.14159265) == b"  3.14e+00"
    assert fmt(b"%10.2f", 3.14159265) == b"      3.14"
    assert fmt(b"%10.2g", 3.14159265) == b"       3.1"
    assert fmt(b"%010d", 128) == b"0000000128"
    assert fmt(b"%10x", 160) == b"        a0"
    assert fmt(b"%10x", A(make_port(160, "tcp"), T.PORT)) == b"        a0"
    assert fmt(b"%10s", A(make_port(160, "tcp"), T.PORT)) == b"   160/tcp"
    assert fmt(b"%10s", A(make_subnet(addr_from_v4(0xC0A80000), 16), T.SUBNET)) == b"192.168.0.0/16"
    assert fmt(b"%e", 310.0) == b"3.100000e+02"
    assert fmt(b"%f", 310.0) == b"310.000000"
    assert fmt(b"%g", 310.0) == b"310"
    assert fmt(b"%.3e", 310.0) == b"3.100e+02"
    assert fmt(b"%.7g", 310.0) == b"310"
    assert fmt(b"%s", 3.0) == b"3.0"
    assert fmt(b"%d", -128) == b"-128"


def test_fmt_idioms():
    assert fmt(b"%s", 5) == b"5"
    assert fmt(b".%s", 0) == b".0"
    assert fmt(b"%d", True) == b"1"            # §2.1
    assert fmt(b"%s", Interval(10800.0)) == b"3.0 hrs"
    assert fmt(b"a\n") == b"a\n"               # fmt does not escape (§0.2)
    assert escape_print(fmt(b"a\n")) == b"a\\x0a"
    assert fmt(b"100%% %s", b"x") == b"100% x"
    assert fmt(b"%s-%s", b"a", 1) == b"a-1"


def test_fmt_containers_context_b():
    # Bro's test seed orders {1, 2, 3} as 2, 1, 3 (values.md §3)
    from broscript.runtime import dictorder, seeds
    dictorder.use(seeds.Seeds([2983378351, 1299727368, 0, 310447, 0, 1409073626, 3975311262,
                               34130240, 1450515018, 1466150520, 1342286698, 1193956778,
                               2188527278, 3361989254, 3912865238, 3596260151, 517973768,
                               1462428821, 0, 2278350848, 32767]))
    tt = T.TableType([T.COUNT], None)
    s = TableVal(tt)
    for n in (1, 2, 3):
        s.data[n] = [[n], None]
    assert fmt(b"*%10s*", A(s, tt)) == b"*{\n\t2,\n\t1,\n\t3\n}*"
    tt = T.TableType([T.COUNT], T.STRING)
    t = TableVal(tt)
    t.data[1] = [[1], b"test"]
    t.data[2] = [[2], b"bro"]
    assert escape_print(fmt(b"*%10s*", A(t, tt))) == b"*{\\x0a\\x09[2] = bro,\\x0a\\x09[1] = test\\x0a}*"


def test_fmt_s_pads_with_spaces_even_with_zero_flag():
    assert fmt(b"%05s", b"ab") == b"   ab"
    assert fmt(b"%-05s|", b"ab") == b"ab   |"
    assert fmt(b"%2s", b"abcdef") == b"abcdef"          # never truncated


def test_fmt_d_x_types():
    from broscript.types import EnumType
    et = EnumType("E")
    et.add(EnumVal(et, "A", 0))
    b = et.add(EnumVal(et, "B", 7))
    assert fmt(b"%d", A(b, et)) == b"7"
    assert fmt(b"%d", A(make_port(80, "tcp"), T.PORT)) == b"80"
    assert fmt(b"%d", False) == b"0"
    assert fmt(b"%d", 18446744073709551615) == b"18446744073709551615"
    assert fmt(b"%x", 18446744073709551615) == b"ffffffffffffffff"
    assert fmt(b"%x", A(-1, T.INT)) == b"ffffffffffffffff"   # C %llx of a signed value
    assert fmt(b"%-6d|", 42) == b"42    |"
    assert fmt(b"%06d", -42) == b"-00042"
    assert fmt(b"%-06d|", 42) == b"42    |"                  # '-' beats '0'
    assert fmt(b"%d", A(make_subnet(addr_from_v4(0x0A000000), 8), T.SUBNET)) == b"0"


def test_fmt_x_of_addr():
    from broscript.runtime.addrs import parse_addr
    assert fmt(b"%x", A(parse_addr("127.0.0.1"), T.ADDR)) == b"7f000001"
    assert fmt(b"%x", A(parse_addr("fe00::1"), T.ADDR)) == b"fe000000000000000000000000000001"
    assert fmt(b"*%10x*", A(parse_addr("127.0.0.1"), T.ADDR)) == b"*  7f000001*"
    assert fmt(b"*%010x*", A(parse_addr("127.0.0.1"), T.ADDR)) == b"*  7f000001*"
    assert fmt(b"*%-10x*", A(parse_addr("127.0.0.1"), T.ADDR)) == b"*7f000001  *"


def test_fmt_float_forms():
    assert fmt(b"%010.3f", 3.14159) == b"000003.142"
    assert fmt(b"%-10.1f|", -2.25) == b"-2.2      |"
    assert fmt(b"%f", A(Interval(90.0), T.INTERVAL)) == b"90.000000"
    assert fmt(b"%.2f", A(1.5, T.TIME)) == b"1.50"
    assert fmt(b"%010f", float("inf")) == b"       inf"
    assert fmt(b"%f", float("-inf")) == b"-inf"
    assert fmt(b"%5f", float("nan")) == b"  nan"


# --------------------------------------------------------------------------
# §6.1 errors

def test_fmt_bad_type_for_d():
    assert fmt(b"%d", 1.5, errors=[("bad type for %d/%x format", "1.5")]) == b""
    assert fmt(b"[%5d]", b"x\n", errors=[("bad type for %d/%x format", "x\\x0a")]) == b"[     ]"
    from broscript.runtime.addrs import parse_addr
    assert fmt(b"%d", A(parse_addr("1.2.3.4"), T.ADDR),
               errors=[("bad type for %d/%x format", "1.2.3.4")]) == b""


def test_fmt_bad_type_for_float():
    assert fmt(b"%f", 5, errors=[("bad type for floating-point format", "5")]) == b""
    assert fmt(b"<%4e>", b"s", errors=[("bad type for floating-point format", "s")]) == b"<    >"


def test_fmt_precision_for_non_float_is_reported_but_applied():
    err = [("precision specified for non-floating point", None)]
    assert fmt(b"%.2s", b"abc", errors=err) == b"abc"
    assert fmt(b"%5.3d|", 7, errors=err) == b"  007|"
    assert fmt(b"%.0d|", 0, errors=err) == b"|"


def test_fmt_bad_format():
    assert fmt(b"%z", 1, errors=[("bad format", None)]) == b""
    assert fmt(b"a%3zb", 1, errors=[("bad format", None)]) == b"a   b"


def test_fmt_excessive_width_or_precision():
    # The directive stops before its letter, which is then copied as text.
    err = [("excessive field width or precision", None)]
    assert fmt(b"%200d", 5, errors=err) == b"d"
    assert fmt(b"x%.129fy", 5.0, errors=err) == b"xfy"
    assert fmt(b"%128s|", b"a") == b" " * 127 + b"a|"


def test_fmt_too_few_and_too_many():
    assert fmt(b"%s %s", 1, errors=[("too few arguments for format", "%s %s")]) == b""
    assert fmt(b"%s", errors=[("too few arguments for format", "%s")]) == b""
    assert fmt(b"abc%", errors=[("too few arguments for format", "abc%")]) == b""
    assert fmt(b"%s", 1, 2, errors=[("too many arguments for format", "%s")]) == b""
    assert fmt(b"x", 1, errors=[("too many arguments for format", "x")]) == b""


def test_fmt_no_arguments():
    assert F.fmt(StubCtx(), []) == b""


def test_fmt_embedded_nul_in_format():
    ctx = StubCtx()
    assert F.fmt(ctx, [A(b"a\x00b")]) == b"<string-with-NUL>"
    assert ctx.rt.reporter.lines == ['string with embedded NUL: "a\\x00b"']


def test_fmt_date_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert fmt(b"%D", A(1342748947.655087, T.TIME)) == b"2012-07-20-01:49:07"
        assert fmt(b"%T", A(1342748947.5, T.TIME)) == b"2012-07-20-01:49:07.500000000"
        assert fmt(b"%D", 1.0, errors=[("bad type for Date/Time format", "1.0")]) == b""
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# --------------------------------------------------------------------------
# §6.2 cat and friends [BL bifs.cat, bifs.join_string]

def test_cat():
    ctx = StubCtx()
    assert F.cat(ctx, [A(b"foo"), A(3), A(True)]) == b"foo3T"
    assert F.cat(ctx, []) == b""
    assert F.cat(ctx, [A(b"a\n"), A(1.0), A(Interval(60.0))]) == b"a\n1.01.0 min"
    assert ctx.errors == []


def test_cat_sep():
    ctx = StubCtx()
    assert F.cat_sep(ctx, b"|", b"<empty>", [A(b""), A(3), A(True)]) == b"<empty>|3|T"
    assert F.cat_sep(ctx, b", ", b"-", [A(b"a"), A(b""), A(b"b")]) == b"a, -, b"
    assert F.cat_sep(ctx, b"|", b"x", []) == b""
    assert ctx.errors == []


def test_string_cat():
    assert F.string_cat(StubCtx(), [A(b"a"), A(b""), A(b"b\x00c")]) == b"ab\x00c"
    assert F.string_cat(StubCtx(), []) == b""


def test_join_string_vec():
    vt = T.VectorType(T.STRING)
    v = VectorVal(vt, [UNSET, UNSET, UNSET, b"hi", UNSET, b"there"])
    assert F.join_string_vec(StubCtx(), v, b".") == b"...hi..there"
    assert F.join_string_vec(StubCtx(), VectorVal(vt, [b"a", b"b\n"]), b", ") == b"a, b\n"
    assert F.join_string_vec(StubCtx(), VectorVal(vt, []), b",") == b""


# --------------------------------------------------------------------------
# a call site's constant format, compiled once (registry `specialize`)

def _site(fmt_text, *vals):
    """What fmt's specializer makes of a call fmt(fmt_text, vals...) whose
    arguments have the types A() guesses."""
    from broscript.builtins.registry import NOT_CONST
    args = [(T.STRING, fmt_text)] + [(A(v).type, NOT_CONST) for v in vals]
    return BUILTINS["fmt"].specialize(args)


@pytest.mark.parametrize("fmt_text, vals", [
    (b"key-%d", (0,)), (b"key-%d", (18446744073709551615,)), (b"%d", (-9223372036854775808,)),
    (b"%s", (b"a\x00\xff",)), (b"%s-%s", (b"a", 1)), (b"%s/%d", (-3, 4)),
    (b"100%% %s%%", (b"x",)), (b"plain", ()), (b"", ()), (b"%%d", ()),
])
def test_fmt_constant_format_fast_path_matches_fmt(fmt_text, vals):
    fast = _site(fmt_text, *vals)
    assert fast is not None
    assert fast(fmt_text, *vals) == fmt(fmt_text, *vals)


@pytest.mark.parametrize("fmt_text, vals", [
    (b"%5d", (1,)), (b"%-s", (b"a",)), (b"%x", (1,)), (b"%.2s", (b"a",)),   # flags, width, other letters
    (b"%d", (b"a",)), (b"%s", (1.5,)), (b"%s", (True,)),                # types left to the full path
    (b"%s %s", (b"a",)), (b"%s", (b"a", b"b")), (b"%", (1,)), (b"a%", ()),  # argument count, lone %
    (b"a\x00%s", (b"b",)),                                              # NUL: reported by the full path
])
def test_fmt_constant_format_other_cases_take_the_full_path(fmt_text, vals):
    assert _site(fmt_text, *vals) is None


def test_fmt_format_not_constant_takes_the_full_path():
    from broscript.builtins.registry import NOT_CONST
    assert BUILTINS["fmt"].specialize([(T.STRING, NOT_CONST), (T.COUNT, NOT_CONST)]) is None
