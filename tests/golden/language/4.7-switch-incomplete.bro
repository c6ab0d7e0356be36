# language.md §4.7/§6.2: every case must end in break/fallthrough/return; a case over two lines is reported as "lines N-M"
event bro_init()
	{
	switch ( 1 ) {
	case 1:
		print 1;
	}
	}
