# language.md §5.3 Path C and §5.4: &create_expire entries go at the first sweep (every table_expire_interval) past their creation plus the timeout; &expire_func sees the table and index first, and a positive interval keeps the entry that much longer
redef exit_only_after_terminate = T;
redef table_expire_interval = 1sec;
function ext(t: table[string] of count, s: string): interval
	{
	print fmt("expire_func(%s) sees %d of %d entries", s, t[s], |t|);
	if ( t[s] == 0 )
		{
		t[s] = 1;
		return 2sec;
		}
	return 0sec;
	}
global t: table[string] of count &create_expire=2sec &expire_func=ext;
event tick(n: count)
	{
	print fmt("tick %d: %d entries", n, |t|);
	if ( n < 6 )
		schedule 1sec { tick(n + 1) };
	else
		terminate();
	}
event bro_init()
	{
	t["a"] = 0;
	schedule 0.5sec { tick(1) };
	}
event bro_done()
	{
	print "done", |t|;
	}
