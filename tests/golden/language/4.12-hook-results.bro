# language.md §4.12: a hook call runs all bodies synchronously; it is F if a body exits through break, else T
hook h(n: count) { print "h", n; if ( n == 2 ) break; }
hook h(n: count) &priority=-1 { print "h low", n; }
event bro_init()
	{
	print hook h(1);
	print hook h(2);
	if ( hook h(3) )
		print "true branch";
	}
