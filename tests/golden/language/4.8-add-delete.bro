# language.md §4.8: add to a set (an existing member is a no-op); delete from a table or set (a missing key is a no-op)
event bro_init()
	{
	local s: set[string];
	add s["a"];
	add s["a"];
	delete s["zzz"];
	print |s|, s;
	delete s["a"];
	local t: table[count] of count = { [1] = 10 };
	delete t[2];
	delete t[1];
	print |s|, |t|;
	}
