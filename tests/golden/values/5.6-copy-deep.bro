# values.md §5.6: copy() is a deep copy; sharing inside the copied value is not preserved
type R: record { a: vector of count; b: vector of count; };
event bro_init()
	{
	local v = vector(1);
	local r: R = [$a=v, $b=v];
	local c = copy(r);
	c$a += 2;
	r$b += 3;
	print r, c;
	}
