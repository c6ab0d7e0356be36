# language.md §5.3 (Path A worked example): bro_done runs after e4, e5..e9 follow in later drains, e10 never runs
event chain(i: count)
	{
	print fmt("e%d", i);
	if ( i < 10 )
		event chain(i + 1);
	}
event bro_init() { print "init"; event chain(1); }
event bro_done() { print "done"; }
