# language.md §5.2/§5.3: each drain dispatches at most two rounds; bro_done is queued after the second drain (two interleaved chains)
event ev(name: string, k: count)
	{
	print fmt("%s%d", name, k);
	if ( k < 6 )
		event ev(name, k + 1);
	}
event bro_init() { print "init"; event ev("i", 1); }
event bro_done() { print "done"; }
{}
print "top";
event ev("t", 1);
