# language.md §4.4: while; next re-evaluates the condition, break leaves the loop
event bro_init()
	{
	local i = 0;
	while ( i < 10 )
		{
		++i;
		if ( i % 2 == 0 )
			next;
		if ( i > 7 )
			break;
		print i;
		}
	print "done", i;
	}
