# language.md §4.5: for over a string yields each 1-byte substring in order
event bro_init()
	{
	for ( c in "abc" )
		print c, type_name(c);
	}
