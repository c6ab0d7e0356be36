# language.md §4.2: '=' shares aggregates (vectors, tables); copy() makes a deep copy
event bro_init()
	{
	local a = vector(1, 2);
	local b = a;
	local c = copy(a);
	b[0] = 99;
	print a, b, c;
	local t: table[count] of string = { [1] = "x" };
	local u = t;
	u[1] = "y";
	print t[1];
	}
