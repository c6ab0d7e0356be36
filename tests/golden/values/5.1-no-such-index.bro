# values.md §5.1/§5.3: a missing table key or vector index is "no such index"; a string key renders without quotes
global t: table[string] of count = { ["a"] = 1 };
global v = vector(1, 2);
event bro_init()
	{
	print t["b"];
	print v[5];
	local i = 1;
	print v[i];
	print "end";
	}
