# bifs/core-1.md §5: unique_id_from with pool + 10 >= 10000 (as unsigned) warns and uses pool 1; ids are prefix + at most 19 bytes
event bro_init()
	{
	local a = unique_id_from(-11, "X-");
	local b = unique_id_from(9990, "Y-");
	print a[0:2], b[0:2], |a| > 2, |a| <= 19;
	print unique_id("0123456789012345678901234"), |unique_id("123456789012345678")|;
	}
