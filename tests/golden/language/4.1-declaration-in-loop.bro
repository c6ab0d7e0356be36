# language.md §4.1: a local without initialiser is set up once per body (a vector is not reset per iteration, a scalar keeps its value); one with an initialiser re-assigns
event bro_init()
	{
	local n = 0;
	while ( n < 3 )
		{
		local v: vector of count;
		local last: count;
		local init = 100;
		if ( n > 0 )
			print "last", last, init;
		v += n;
		last = n;
		init = 0;
		++n;
		}
	print v, last;
	}
