# language.md §5.4: &read_expire counts from the last read (an index or an `in` test; |t| is not a read); &write_expire from the last write, which an &expire_func's own write is
redef exit_only_after_terminate = T;
redef table_expire_interval = 1sec;
global r: table[count] of string &read_expire=2sec;
global unread: table[count] of string &read_expire=2sec;
global w: table[count] of string &write_expire=2sec;
event tick(n: count)
	{
	if ( n == 1 )
		{
		print 1 in r, r[1];
		w[1] = "again";
		}
	if ( n != 3 )
		print fmt("tick %d: r=%d unread=%d w=%d", n, |r|, |unread|, |w|);
	if ( n < 5 )
		schedule 1sec { tick(n + 1) };
	else
		terminate();
	}
event bro_init()
	{
	r[1] = "a";
	unread[1] = "b";
	w[1] = "c";
	schedule 1.5sec { tick(1) };
	}
