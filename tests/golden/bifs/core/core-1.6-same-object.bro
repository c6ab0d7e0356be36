# bifs/core-1.md §6: same_object is identity (assignment shares, each literal is its own object, copy() is new, types differ -> F); val_size relations
event bro_init()
	{
	local a = "This is a test";
	local b: string;
	b = a;
	local c = "This is a test";
	local t = table([1] = "x");
	local t2 = t;
	local v = vector(1, 2);
	print same_object(a, b), same_object(a, c), same_object(a, v);
	print same_object(t, t2), same_object(t, copy(t)), same_object(v, v);
	print val_size(T) == val_size(1), val_size(table([1] = 2, [3] = 4)) > val_size(table()), val_size("x") > 0;
	}
