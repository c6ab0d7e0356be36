# values.md §5.3: 'local a = vector();' behaves like a vector of any
event bro_init()
	{
	local a = vector();
	a[0] = 5;
	a[1] = "Hi";
	a[2] = 127.0.0.1;
	print a;
	}
