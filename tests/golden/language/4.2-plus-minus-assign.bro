# language.md §4.2: += and -= for arithmetic, string concatenation (+=), intervals, and vector append
event bro_init()
	{
	local n = 5;
	local s = "ab";
	local i = 1min;
	local v = vector(1);
	n += 2;
	n -= 1;
	s += "cd";
	i += 30sec;
	i -= 10sec;
	v += 7;
	print n, s, i, v;
	}
