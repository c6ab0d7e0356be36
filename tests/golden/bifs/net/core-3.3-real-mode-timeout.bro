# bifs/core-3.md §1.3 real mode: without BRO_DNS_FAKE no answer is processed in a plain run; the when body never runs and the timeout block runs at shutdown with the pending timers (path B: net_done, then bro_done)
event net_done(t: time)
	{
	print "net_done";
	}

event bro_init()
	{
	when ( local x = lookup_addr(1.2.3.4) )
		{
		print "answer", x;
		}
	timeout 3 secs
		{
		print "timeout";
		}
	print "done";
	}

event bro_done()
	{
	print "bro_done";
	}
