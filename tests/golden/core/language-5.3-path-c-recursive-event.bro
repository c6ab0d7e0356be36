# language.md §5.3 Path C: with exit_only_after_terminate the main loop drains until terminate(); then "received termination signal" and Path B from step 2
redef exit_only_after_terminate = T;
global n = 0;
event e()
	{
	++n;
	print n;
	if ( n < 6 )
		event e();
	else
		terminate();
	}
event net_done(t: time) { print "net_done"; }
event bro_init() { event e(); }
event bro_done() { print "done"; }
