# language.md §5.3 Path B: with a pending timer: drain, timers fire, three drains, then Path A from its drain D2 (e18 never runs)
event tick() { print "tick"; }
event chain(i: count)
	{
	print fmt("e%d", i);
	if ( i < 20 )
		event chain(i + 1);
	}
event bro_init() { print "init"; schedule 1sec { tick() }; event chain(1); }
event bro_done() { print "done"; }
