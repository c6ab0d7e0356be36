# values.md §4.1: --c at 0 reports "count underflow", still stores 18446744073709551615 and continues
event bro_init()
	{
	local c: count = 0;
	--c;
	print c;
	}
