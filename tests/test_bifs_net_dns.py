"""Asynchronous DNS lookups and `when` (bifs/core-3.md §1.3, §3), in Bro's
fake mode (BRO_DNS_FAKE in the environment, as btest runs) and in real mode,
where a plain run never takes an answer in.  No network is used: real-mode
scripts only check what happens without an answer."""
import hashlib
import ipaddress

from bifs_net_run import run_bro

FAKE = {"BRO_DNS_FAKE": "1"}


def _md5_addr(name: bytes) -> str:
    return str(ipaddress.IPv6Address(hashlib.md5(name).digest()))


def test_fake_answers_after_the_first_drain(tmp_path):
    # bodies run after bro_init and the events it raised, in the order the
    # whens were executed (§1.3 "Consequences in fake mode")
    out, err, rc = run_bro(tmp_path, """
event later()
	{
	print "later";
	}
event bro_init()
	{
	when ( local a = lookup_addr(1.2.3.4) )
		{
		print "addr", a;
		}
	when ( local h = lookup_hostname("example.com") )
		{
		print "host", h;
		}
	when ( local t = lookup_hostname_txt("bro.wp.dg.cx") )
		{
		print "txt", t;
		}
	when ( local b = lookup_addr([2001:db8::1]) )
		{
		print "addr6", b;
		}
	event later();
	print "done";
	}
""", FAKE)
    assert _md5_addr(b"example.com") == "5aba:bd60:3b22:7803:2dd:8d83:498e:5172"
    assert out == ("done\nlater\n"
                   "addr, fake_addr_lookup_result_1.2.3.4\n"
                   "host, {\n5aba:bd60:3b22:7803:2dd:8d83:498e:5172\n}\n"
                   "txt, fake_text_lookup_result_bro.wp.dg.cx\n"
                   "addr6, fake_addr_lookup_result_2001:db8::1\n")
    assert (err, rc) == ("", 0)


def test_txt_answer_is_cut_to_287_bytes(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	when ( local t = lookup_hostname_txt("%s") )
		{
		print |t|, t[0:30];
		}
	}
""" % ("a" * 400), FAKE)
    assert (out, err, rc) == ("287, fake_text_lookup_result_aaaaaa\n", "", 0)


def test_when_frame_is_a_deep_copy(tmp_path):
    # the condition and body work on copies: the body sees the locals as they
    # were when the when ran; its changes do not come back (§1.3 steps 1, 4)
    out, err, rc = run_bro(tmp_path, """
global g: table[count] of string;
event bro_init()
	{
	local n = 1;
	local v: vector of count = vector(1);
	when ( local a = lookup_addr(10.0.0.1) )
		{
		print "body", n, v, a;
		n = 5;
		v[1] = 7;
		g[1] = "set by body";
		}
	n = 2;
	v[0] = 9;
	print "after when", n, v;
	}
event bro_done()
	{
	print g;
	}
""", FAKE)
    assert out == ("after when, 2, [9]\n"
                   "body, 1, [1], fake_addr_lookup_result_10.0.0.1\n"
                   "{\n[1] = set by body\n}\n")
    assert (err, rc) == ("", 0)


def test_local_in_condition_is_true_for_any_value(tmp_path):
    # `local x = e` is T whenever e has a value, even a false-looking one;
    # other conditions run again with their side effects (§1.3 steps 3, 4)
    out, err, rc = run_bro(tmp_path, """
global evals = 0;
function counted(s: string): bool
	{
	++evals;
	print "condition evaluated", evals;
	return s != "";
	}
event bro_init()
	{
	when ( counted(lookup_addr(1.2.3.4)) )
		{
		print "body", evals;
		}
	}
""", FAKE)
    assert out == "condition evaluated, 1\nbody, 1\n"
    assert (err, rc) == ("", 0)


def test_return_when_gives_the_call_its_value(tmp_path):
    # the inner trigger completes at the end of the first drain and queues the
    # outer one, which runs at the end of the next drain (§1.3 step 6)
    out, err, rc = run_bro(tmp_path, """
function name_of(a: addr): string
	{
	return when ( local n = lookup_addr(a) )
		{
		return "name: " + n;
		}
	}
event e2()
	{
	print "e2";
	}
event e1()
	{
	print "e1";
	event e2();
	}
event bro_init()
	{
	when ( local r = name_of(1.2.3.4) )
		{
		print r;
		}
	event e1();
	}
""", FAKE)
    assert out == "e1\ne2\nname: fake_addr_lookup_result_1.2.3.4\n"
    assert (err, rc) == ("", 0)


def test_answered_lookup_cancels_its_timeout(tmp_path):
    # the timer is cancelled when the body runs, so the run takes path A:
    # no net_done, no timeout block (§1.3 "Consequences in fake mode")
    out, err, rc = run_bro(tmp_path, """
event net_done(t: time)
	{
	print "net_done";
	}
event bro_init()
	{
	when ( local a = lookup_addr(1.2.3.4) )
		{
		print "body";
		}
	timeout 10 secs
		{
		print "timeout";
		}
	}
event bro_done()
	{
	print "bro_done";
	}
""", FAKE)
    assert (out, err, rc) == ("body\nbro_done\n", "", 0)


def test_mode_is_fixed_at_start_up(tmp_path):
    # setting BRO_DNS_FAKE from the script does not change the mode
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	setenv("BRO_DNS_FAKE", "1");
	when ( local a = lookup_addr(1.2.3.4) )
		{
		print "body", a;
		}
	timeout 1 sec
		{
		print "timeout";
		}
	}
""")
    assert (out, err, rc) == ("timeout\n", "", 0)


def test_real_mode_never_answers_without_main_loop(tmp_path):
    out, err, rc = run_bro(tmp_path, """
event bro_init()
	{
	when ( local h = lookup_hostname("localhost") )
		{
		print "body", h;
		}
	when ( local t = lookup_hostname_txt("localhost") )
		{
		print "body", t;
		}
	print "done";
	}
""")
    assert (out, err, rc) == ("done\n", "", 0)


def test_return_when_outside_a_condition(tmp_path):
    out, err, rc = run_bro(tmp_path, """
function f(): string
	{
	return when ( local n = lookup_addr(1.2.3.4) )
		{
		return n;
		}
	}
event bro_init()
	{
	print "start";
	f();
	print "end";
	}
""", FAKE)
    assert out == "start\nend\n"
    assert err == ("error: return trigger in context which does not allow delaying result\n"
                   "warning: non-void function returns without a value: f\n")
    assert rc == 0


def test_lookup_inside_a_function_called_from_the_condition(tmp_path):
    out, err, rc = run_bro(tmp_path, """
function resolve(a: addr): string
	{
	local s = lookup_addr(a);
	return to_upper(s);
	}
event bro_init()
	{
	when ( local x = resolve(1.2.3.4) )
		{
		print x;
		}
	}
""", FAKE)
    assert (out, err, rc) == ("FAKE_ADDR_LOOKUP_RESULT_1.2.3.4\n", "", 0)


def test_real_mode_answers_reach_a_main_loop():
    # A main loop takes resolver answers in with take_dns_answers; the next
    # drain then runs the body (§1.3 "Real mode").  localhost resolves
    # without a network, through the hosts file.
    import io
    import threading

    from broscript.builtins.dns import take_dns_answers
    from broscript.interp import Interpreter

    out = io.BytesIO()
    interp = Interpreter(out=out, err=io.StringIO(), environ={})
    interp.load_sources([("t.bro", """
event bro_init()
	{
	when ( local h = lookup_hostname("localhost") )
		{
		print "answered", |h| > 0;
		}
	}
""", None)])
    rt = interp.runtime
    rt.start(interp.top_level, 1546300800.0)
    rt.drain()
    assert out.getvalue() == b""
    for t in threading.enumerate():
        if t.name == "broscript-dns":
            t.join()
    take_dns_answers(rt)
    rt.drain()
    assert out.getvalue() == b"answered, T\n"


def test_return_when_timeout_gives_the_call_its_value(tmp_path):
    # real mode: no answer; at shutdown the inner timeout block's return
    # value completes the outer when, whose body runs in the next drain
    out, err, rc = run_bro(tmp_path, """
function name_of(a: addr): string
	{
	return when ( local n = lookup_addr(a) )
		{
		return n;
		}
	timeout 5 secs
		{
		return "timed out";
		}
	}
event bro_init()
	{
	when ( local r = name_of(1.2.3.4) )
		{
		print "outer", r;
		}
	}
event bro_done()
	{
	print "bro_done";
	}
""")
    assert (out, err, rc) == ("outer, timed out\nbro_done\n", "", 0)
