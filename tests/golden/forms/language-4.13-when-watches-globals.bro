# language.md §4.13 and bifs/core-3.md §1.3: a waiting when is queued when a global its condition names is assigned or a table it holds changes, and evaluated at the end of that drain; a timeout fires with the shutdown timers
global x = 0;
global t: table[string] of count;
event set_x(n: count)
	{
	x = n;
	print fmt("x = %d", n);
	}
event bro_init()
	{
	when ( x == 2 )
		print "x is 2";
	when ( "a" in t )
		print "t has a", t["a"];
	when ( x > 100 )
		print "never";
	timeout 5sec
		{
		print "timeout";
		}
	event set_x(1);
	t["a"] = 5;
	schedule 1sec { set_x(2) };
	print "end of bro_init";
	}
