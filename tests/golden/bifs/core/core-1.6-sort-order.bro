# bifs/core-1.md §6 sort/order: in place, checks in Bro's order, holes last, non-integral types sorted by int64 value after the error
function dcmp(a: double, b: double): int
	{
	if ( a < b )
		return -1;
	else
		return 1;
	}

function bad(a: string, b: string): int
	{
	return 0;
	}

event bro_init()
	{
	local a = vector(5, 2, 8, 3);
	print order(a);
	local b = sort(a);
	print a, b;
	print order(vector(2304, 1156, 13, 42, 4294967296));
	local d = vector(3.03, 3.01, 3.02, 3.015);
	print order(d, dcmp);
	print sort(d);
	print sort(d, dcmp);
	print sort(vector(5hr, 2days, 1sec, -7min));
	print sort(vector(T, F, F, T));
	local h = vector(3, 1);
	h[4] = 0;
	print sort(h);
	print sort(5);
	print order(5);
	print sort(vector(2, 1), 5);
	print sort(vector(2, 1), dcmp, 1);
	print sort(vector(2, 1), bad);
	print order(vector(2, 1), bad);
	print sort(vector("b", "a"), strcmp);
	}
