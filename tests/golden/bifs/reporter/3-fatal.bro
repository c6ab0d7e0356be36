# bifs/strings-reporter-misc.md §3 Reporter::fatal: "fatal error in <location>: <msg>" on stderr, exit 1, stdout flushed, no bro_done
event bro_done()
	{
	print "bro_done";
	}

event bro_init()
	{
	print "before";
	Reporter::fatal("it is over");
	print "after";
	}
