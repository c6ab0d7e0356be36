# values.md §5.7: an uninitialised scalar global is unset: ++n reports an error and n stays unset
global n: count;
event bro_init()
	{
	++n;
	print n;
	n = 1;
	print n;
	}
