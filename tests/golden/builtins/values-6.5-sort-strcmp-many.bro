# values.md §6.5: sort(v, strcmp) of more than 16 strings orders them as strcmp does (unsigned bytes, a prefix first), keeps duplicates and puts holes last, as a script comparison function calling strcmp does
function by_strcmp(a: string, b: string): int
	{
	return strcmp(a, b);
	}

event bro_init()
	{
	local v = vector("pear", "apple", "\xff", "app", "Zebra", "apple", "banana", "a", "b",
	                 "worker-10", "worker-2", "worker-1", "proxy-3", "Apple", "z", "zz",
	                 "y", "x", "m", "\x80z");
	v[22] = "c";
	local w = copy(v);
	print sort(v, strcmp);
	print v;
	print sort(w, by_strcmp);
	}
