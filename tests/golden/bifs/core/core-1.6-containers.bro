# bifs/core-1.md §6: resize returns the old size (no value on a non-vector), any_set/all_set on vector of bool, clear_table empties in place
event bro_init()
	{
	local a = vector(5, 3, 8);
	print resize(a, 5), |a|;
	print a;
	print resize(a, 0), |a|;
	print resize(a, 7), |a|;
	print resize(5, 1);
	print "resize done";
	print any_set(vector(F, T, F)), any_set(vector(F)), any_set(vector());
	print all_set(vector(T, F, T)), all_set(vector(T)), all_set(vector());
	local v: vector of bool;
	print all_set(v), any_set(v);
	v[1] = T;
	print all_set(v), any_set(v);
	local t = table([1] = "one");
	local t2 = t;
	print |t|;
	clear_table(t);
	print |t|, |t2|, t;
	clear_table(5);
	}
