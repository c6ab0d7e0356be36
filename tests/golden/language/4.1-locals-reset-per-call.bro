# language.md §4.1/§5.6: every handler call starts with its locals unset; reading one is a non-fatal error
event e(first: bool)
	{
	local x: count;
	if ( first )
		x = 5;
	print x;
	print "continuing";
	}
event bro_init() { event e(T); event e(F); }
