# language.md §5.7: Reporter::fatal prints "fatal error in <file>, line N: msg" and exits 1 at once (no bro_done; stdout flushed)
event bro_init()
	{
	print "before";
	Reporter::fatal("boom");
	print "after";
	}
event bro_done() { print "no bro_done"; }
