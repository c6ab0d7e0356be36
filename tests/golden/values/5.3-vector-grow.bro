# values.md §5.3: assigning past the end grows the vector with holes; reading a hole is "no such index"
event bro_init()
	{
	local v: vector of count;
	v[3] = 7;
	print v, |v|;
	print v[1];
	v[1] = 5;
	print v;
	}
