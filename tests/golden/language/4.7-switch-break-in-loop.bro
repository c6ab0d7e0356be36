# language.md §4.7: break inside a switch leaves only the switch, not the enclosing loop
event bro_init()
	{
	local v = vector(1, 2, 3);
	for ( i in v )
		{
		switch ( v[i] ) {
		case 1:
			print "one";
			break;
		default:
			print "other";
			break;
		}
		print "after switch", i;
		}
	}
