# language.md §4.11/§5.4: scheduled events (also from top level) fire at shutdown in time order, before bro_done
event tick(s: string) { print s; }
event bro_init()
	{
	schedule 3sec { tick("bro_init 3s") };
	schedule 1sec { tick("bro_init 1s") };
	print "bro_init";
	}
event bro_done() { print "bro_done"; }
schedule 2sec { tick("top-level 2s") };
