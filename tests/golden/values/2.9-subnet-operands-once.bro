# values.md §2.9: `addr / count` makes a subnet; each operand is evaluated once
global n = 0;

function width(): count
	{
	++n;
	print fmt("width() call %d", n);
	return 8;
	}

event bro_init()
	{
	print 10.0.0.1 / width();
	print n;
	}
