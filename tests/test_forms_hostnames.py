"""Host name literals (language.md §1.5): resolved while the script is read,
as a set[addr]; in Bro's fake mode (BRO_DNS_FAKE) the one address made of
the name's MD5 digest (bifs/core-3.md §1.3).  No network is used."""
import hashlib
import ipaddress

from bifs_net_run import run_bro

FAKE = {"BRO_DNS_FAKE": "1"}


def _md5_addr(name: bytes) -> str:
    return str(ipaddress.IPv6Address(hashlib.md5(name).digest()))


def test_fake_mode_values_from_the_spec(tmp_path):
    out, err, rc = run_bro(tmp_path, """
global g = google.com;
const hosts: set[addr] = example.com &redef;
print g, type_name(g);
print hosts;
""", FAKE)
    assert (err, rc) == ("", 0)
    # the two addresses core-3.md §1.3 gives
    assert out == ("{\n1d59:20f4:b44b:27a8:2bd:77c4:f053:6f5a\n}, set[addr]\n"
                   "{\n5aba:bd60:3b22:7803:2dd:8d83:498e:5172\n}\n")


def test_literal_is_a_set_at_parse_time(tmp_path):
    addr = _md5_addr(b"www.bro.org")
    out, err, rc = run_bro(tmp_path, f"""
global s = www.bro.org;
event bro_init()
	{{
	local x = www.bro.org;
	for ( a in x )
		print a, a in s, a == [{addr}];
	print |x|, 1.2.3.4 in x;
	}}
""", FAKE)
    assert (err, rc) == ("", 0)
    assert out == f"{addr}, T, T\n1, F\n"


def test_a_host_name_is_no_addr(tmp_path):
    out, err, rc = run_bro(tmp_path, "global a: addr = example.com;\n", FAKE)
    assert rc == 1
    assert out == ""
    assert err.startswith("error in ./t.bro, line 1: type clash")
