"""The Python API of one interpreter (Interpreter.load/call/eval/get/ref,
pyapi.py, cluster/values_py.py): Python values become Bro values only where
the conversion is exact, script errors carry Bro's message, file and line,
a function without a result returns None (issue 15 §4)."""
import datetime
import io
import ipaddress

import pytest

from broscript.errors import BroSyntaxError
from broscript.interp import Interpreter
from broscript.pyapi import BroScriptError

SOURCE = """\
type Color: enum { RED, GREEN };
type R: record { a: count; b: string &optional; c: count &default=7; v: vector of count; };
function id_bool(x: bool): bool { return x; }
function id_count(x: count): count { return x; }
function id_int(x: int): int { return x; }
function id_double(x: double): double { return x; }
function id_interval(x: interval): interval { return x; }
function id_string(x: string): string { return x; }
function id_port(x: port): port { return x; }
function id_addr(x: addr): addr { return x; }
function id_subnet(x: subnet): subnet { return x; }
function id_enum(x: Color): Color { return x; }
function id_record(x: R): R { return x; }
function id_vector(x: vector of string): vector of string { return x; }
function id_set(x: set[count]): set[count] { return x; }
function id_table(x: table[string, count] of bool): table[string, count] of bool { return x; }
function id_any(x: any): string { return type_name(x); }
function dbl(n: count): count { return n * 2; }
function say(s: string) { print s; }
function none(n: count): count { if ( n > 1 ) return n; }
function with_default(a: count, b: count &default=5): count { return a + b; }
function fail(): count { local t: table[count] of count; return t[1]; }
global total = 3;
"""


@pytest.fixture(scope="module")
def api():
    out, err = io.BytesIO(), io.StringIO()
    interp = Interpreter(out=out, err=err)
    interp.load(SOURCE)
    interp.test_out, interp.test_err = out, err
    return interp


@pytest.mark.parametrize("func,value,expected", [
    ("id_bool", True, True),
    ("id_count", 0, 0),
    ("id_count", 2**64 - 1, 2**64 - 1),
    ("id_int", -2**63, -2**63),
    ("id_int", 2**63 - 1, 2**63 - 1),
    ("id_double", 1.5, 1.5),
    ("id_double", 3, 3.0),
    ("id_double", 2**70, float(2**70)),
    ("id_interval", 2.5, 2.5),
    ("id_interval", datetime.timedelta(minutes=1), 60.0),
    ("id_string", "caf\xe9", "caf\xe9"),
    ("id_string", b"\xff\x00", "\xff\x00"),
    ("id_port", "80/tcp", "80/tcp"),
    ("id_port", "0/unknown", "0/unknown"),
    ("id_addr", "10.0.0.1", ipaddress.ip_address("10.0.0.1")),
    ("id_addr", ipaddress.ip_address("::1"), ipaddress.ip_address("::1")),
    ("id_subnet", "10.1.0.0/16", ipaddress.ip_network("10.1.0.0/16")),
    ("id_enum", "GREEN", "GREEN"),
    ("id_record", {"a": 1, "v": [2]}, {"a": 1, "b": None, "c": 7, "v": [2]}),
    ("id_record", {"a": 1, "b": "x", "c": 0, "v": []}, {"a": 1, "b": "x", "c": 0, "v": []}),
    ("id_vector", ["a", None, "c"], ["a", None, "c"]),
    ("id_set", {1, 2}, {1, 2}),
    ("id_table", {("a", 1): True}, {("a", 1): True}),
    ("id_any", 5, "count"),
    ("id_any", -5, "int"),
    ("id_any", "s", "string"),
    ("id_any", 1.0, "double"),
    ("id_any", ipaddress.ip_network("10.0.0.0/8"), "subnet"),
])
def test_exact_values_cross(api, func, value, expected):
    assert api.call(func, value) == expected


@pytest.mark.parametrize("func,value,error,message", [
    ("dbl", "21", TypeError,
     "dbl(): argument n is a Bro count, which takes an int, not a Python str ('21')"),
    ("dbl", 2**70, ValueError,
     "dbl(): argument n is a Bro count: 1180591620717411303424 is out of its range 0 .. 2**64-1"),
    ("dbl", -1, ValueError, "dbl(): argument n is a Bro count: -1 is out of its range 0 .. 2**64-1"),
    ("dbl", True, TypeError, "dbl(): argument n is a Bro count, which takes an int, not a Python bool (True)"),
    ("dbl", 2.0, TypeError, "dbl(): argument n is a Bro count, which takes an int, not a Python float (2.0)"),
    ("dbl", None, TypeError, "dbl(): argument n is a Bro count, which takes an int, not a Python None (None)"),
    ("id_int", 2**63, ValueError,
     "id_int(): argument x is a Bro int: 9223372036854775808 is out of its range -2**63 .. 2**63-1"),
    ("id_bool", 1, TypeError, "id_bool(): argument x is a Bro bool, which takes a bool, not a Python int (1)"),
    ("id_double", 2**53 + 1, ValueError,
     "id_double(): argument x is a Bro double: 9007199254740993 has no exact double value"),
    ("id_double", "1.5", TypeError,
     "id_double(): argument x is a Bro double, which takes a float or an int, not a Python str ('1.5')"),
    ("id_string", 5, TypeError, "id_string(): argument x is a Bro string, which takes a str or bytes, "
                                "not a Python int (5)"),
    ("id_string", "\u20ac", ValueError,
     "id_string(): argument x is a Bro string: '\u20ac' has a character beyond latin-1 (pass bytes)"),
    ("id_port", "80", ValueError, "id_port(): argument x is a Bro port: '80' is not NUMBER/PROTO with "
                                  "NUMBER 0 .. 65535 and PROTO tcp, udp, icmp or unknown"),
    ("id_port", "70000/tcp", ValueError, "id_port(): argument x is a Bro port: '70000/tcp' is not "
                                         "NUMBER/PROTO with NUMBER 0 .. 65535 and PROTO tcp, udp, icmp or unknown"),
    ("id_port", 80, TypeError, "id_port(): argument x is a Bro port, which takes a str like \"80/tcp\", "
                               "not a Python int (80)"),
    ("id_addr", "10.0.0.256", ValueError, "id_addr(): argument x is a Bro addr: '10.0.0.256' is not an IP address"),
    ("id_enum", "BLUE", ValueError, "id_enum(): argument x is a Bro Color: 'BLUE' is not one of its values (RED, GREEN)"),
    ("id_record", "x", TypeError, "id_record(): argument x is a Bro R, which takes a dict of field name -> "
                                  "value, not a Python str ('x')"),
    ("id_record", {"a": 1, "zz": 2}, ValueError,
     "id_record(): argument x is a Bro R: 'zz' is not a field of it (fields: a, b, c, v)"),
    ("id_record", {"b": "x"}, ValueError, "id_record(): argument x, field $a has no value and is not &optional"),
    ("id_record", {"a": "1"}, TypeError, "id_record(): argument x, field $a is a Bro count, which takes an int, "
                                         "not a Python str ('1')"),
    ("id_vector", ["a", 1], TypeError, "id_vector(): argument x[1] is a Bro string, which takes a str or bytes, "
                                       "not a Python int (1)"),
    ("id_vector", "ab", TypeError, "id_vector(): argument x is a Bro vector of string, which takes a list or "
                                   "tuple (None for a hole), not a Python str ('ab')"),
    ("id_set", {-1}, ValueError, "id_set(): argument x index is a Bro count: -1 is out of its range 0 .. 2**64-1"),
    ("id_table", {"a": True}, ValueError,
     "id_table(): argument x index is a Bro table[string,count] of bool: 'a' is not a tuple of 2 values"),
    ("id_any", [1], TypeError, "id_any(): argument x takes any Bro value, but a Python list has no Bro type "
                               "of its own (pass a bool, int, float, str, bytes, ipaddress value or a ref)"),
    ("id_any", 2**64, ValueError,
     "id_any(): argument x is a Bro count: 18446744073709551616 is out of its range 0 .. 2**64-1"),
])
def test_inexact_values_are_refused(api, func, value, error, message):
    with pytest.raises(error) as info:
        api.call(func, value)
    assert str(info.value) == message


def test_a_ref_passes_a_value_of_its_own_type_only(api):
    assert api.call("dbl", api.ref("total")) == 6
    with pytest.raises(TypeError, match=r"^id_string\(\): argument x is a Bro string, not the Bro count passed$"):
        api.call("id_string", api.ref("total"))


def test_arguments_are_counted(api):
    with pytest.raises(TypeError, match=r"^dbl\(\) takes 1 argument, got 2$"):
        api.call("dbl", 1, 2)
    with pytest.raises(TypeError, match=r"^dbl\(\) takes 1 argument, got 0 \(no value for n\)$"):
        api.call("dbl")
    assert api.call("with_default", 1) == 6
    assert api.call("with_default", 1, 1) == 2


def test_what_is_not_a_function(api):
    with pytest.raises(TypeError, match="^total is not a function$"):
        api.call("total")
    with pytest.raises(TypeError, match="^bro_init is an event, not a function$"):
        api.call("bro_init")
    with pytest.raises(KeyError, match="no global 'nosuch'"):
        api.call("nosuch")


def test_results(api):
    assert api.call("dbl", 21) == 42
    # a function without a result type returns None
    assert api.call("say", "hello") is None
    assert api.test_out.getvalue().endswith(b"hello\n")
    # one with a result type that returns nothing says so, as Bro's warning
    with pytest.raises(BroScriptError) as info:
        api.call("none", 0)
    assert str(info.value) == "warning: non-void function returns without a value: none"
    assert api.get("total") == 3
    assert api.eval("total + 1") == 4


def test_script_errors_carry_message_file_and_line(api):
    with pytest.raises(BroScriptError) as info:
        api.call("fail")
    e = info.value
    assert (e.kind, e.loc.file, e.loc.line, e.msg) == ("error", "<api>", 22, "no such index (t[1])")
    assert str(e) == "error in <api>, line 22: no such index (t[1])"
    # every line Bro printed meanwhile: the function then had no value
    assert e.lines == [str(e), "warning: non-void function returns without a value: fail"]
    with pytest.raises(BroScriptError) as info:
        api.eval("total + nosuch")
    assert str(info.value) == 'error in <api>, line 1: unknown identifier nosuch, at or near "nosuch"'
    assert api.test_err.getvalue().endswith(str(info.value) + "\n")


def test_load_raises_with_file_and_line():
    interp = Interpreter(out=io.BytesIO(), err=io.StringIO())
    with pytest.raises(BroScriptError) as info:
        interp.load('global x = 1;\nglobal y: count = "a";\n', "mine.bro")
    e = info.value
    assert (e.kind, e.loc.file, e.loc.line) == ("error", "mine.bro", 2)
    assert str(e) == "error in mine.bro, line 2: type clash in assignment (y)"
    interp = Interpreter(out=io.BytesIO(), err=io.StringIO())
    with pytest.raises(BroScriptError) as info:
        interp.load("event bro_init() { print 1 }\n", "syn.bro")
    assert str(info.value) == 'error in syn.bro, line 1: syntax error, at or near "}"'


def test_load_sources_syntax_error_says_where():
    # the lower-level entry keeps raising BroSyntaxError; its text is Bro's line
    interp = Interpreter(out=io.BytesIO(), err=io.StringIO())
    with pytest.raises(BroSyntaxError) as info:
        interp.load_sources([("<api>", "event bro_init() { print 1 }", None)])
    assert str(info.value) == 'error in <api>, line 1: syntax error, at or near "}"'
    assert (info.value.loc.file, info.value.loc.line) == ("<api>", 1)


def test_load_then_run():
    out = io.BytesIO()
    interp = Interpreter(out=out, err=io.StringIO())
    interp.load('event bro_init() { print fnv1a32("one"); }')
    interp.run()
    assert out.getvalue() == b"3699354550\n"


def test_builtins_with_varargs(api):
    # fmt's `...` takes each value with its own type, as a script call does
    assert api.call("fmt", "%s-%d-%.1f", "a", 3, 1.25) == "a-3-1.2"
    assert api.call("cat", "a", 3, api.ref("total")) == "a33"
    with pytest.raises(TypeError, match=r"^cat\(\): argument 2 takes any Bro value, but a Python dict"):
        api.call("cat", "a", {})


def test_bro_script_error_reads_bros_lines():
    e = BroScriptError(["warning: first", "runtime error in a.bro, lines 3-4: boom", "error: later"])
    assert (e.kind, e.loc.file, e.loc.line, e.loc.end_line, e.msg) == ("runtime error", "a.bro", 3, 4, "boom")
    assert str(e) == "runtime error in a.bro, lines 3-4: boom"
    assert e.lines == ["warning: first", "runtime error in a.bro, lines 3-4: boom", "error: later"]
    e = BroScriptError("warning: only a warning")
    assert (e.kind, e.loc, e.msg) == ("warning", None, "only a warning")
    assert str(BroScriptError([])) == "error: the script failed"


def test_the_readme_example_runs(capsys):
    import re
    from pathlib import Path
    readme = (Path(__file__).parents[1] / "README.md").read_text()
    section = readme[readme.index("## Python API\n"):]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    # its last line shows the TypeError of an inexact argument
    assert code.rstrip().splitlines()[-1].startswith('interp.call("dbl", "21")')
    with pytest.raises(TypeError, match=r"^dbl\(\): argument n is a Bro count, which takes an int, "
                                        r"not a Python str \('21'\)$"):
        exec(compile(code, "README.md", "exec"), {})
    assert capsys.readouterr().out == "b'3699354550\\n'\n42\n"
