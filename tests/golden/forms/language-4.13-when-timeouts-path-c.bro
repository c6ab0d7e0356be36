# language.md §5.3 Path C and §4.13: a when waits while the clock runs; its body runs at the end of the drain after a watched global changes, its timeout when the clock passes it, and timeouts still pending fire at shutdown
redef exit_only_after_terminate = T;
global x = 0;
event set_x(n: count)
	{
	x = n;
	print fmt("x = %d", n);
	}
event stop()
	{
	terminate();
	}
event bro_init()
	{
	when ( x == 1 )
		print "x is 1";
	timeout 2sec
		{
		print "first timeout";
		}
	when ( x == 5 )
		print "x is 5";
	timeout 3sec
		{
		print "second timeout";
		}
	when ( x == 7 )
		print "x is 7";
	timeout 10sec
		{
		print "third timeout";
		}
	schedule 1sec { set_x(1) };
	schedule 4sec { stop() };
	}
event bro_done()
	{
	print "done";
	}
