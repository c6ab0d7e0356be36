# language.md §4.5: for over a table binds its keys; [a, b] binds multi-column keys; loop variables stay set after the loop
event bro_init()
	{
	local t: table[string] of count = { ["k"] = 7 };
	local m: table[count, string] of bool = { [1, "x"] = T };
	local s: set[addr] = { 10.0.0.1 };
	for ( k in t )
		print k, t[k];
	for ( [n, str] in m )
		print n, str, m[n, str];
	for ( a in s )
		print a;
	print k, n, str, a;
	}
