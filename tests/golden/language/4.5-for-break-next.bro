# language.md §4.5: break ends a for loop, next continues with the next element
event bro_init()
	{
	for ( i in vector(10, 20, 30, 40) )
		{
		if ( i == 1 )
			next;
		if ( i == 3 )
			break;
		print i;
		}
	}
