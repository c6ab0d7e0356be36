# language.md §5.3 Path B: without exit_only_after_terminate network time never advances, and the timers that fire at shutdown do not expire table entries
function ext(t: table[count] of count, c: count): interval
	{
	print "expire_func", c;
	return 0sec;
	}
global t: table[count] of count &create_expire=1msec &expire_func=ext;
event later()
	{
	print "later", |t|;
	}
event bro_init()
	{
	t[1] = 10;
	schedule 10sec { later() };
	}
event bro_done()
	{
	print "done", |t|, t[1];
	}
