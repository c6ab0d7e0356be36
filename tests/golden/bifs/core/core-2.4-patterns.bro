# bifs/core-2.md §4: merge_pattern (deprecated) text and matching, convert_for_pattern's escape set and NUL cut, string_to_pattern with and without conversion
event bro_init()
	{
	local c = merge_pattern(/foo/, /b[a-z]+/);
	print c;
	print "bar" == c, "foo" == c, "xfoo" == c, c in "a foo b", c in "123";
	print convert_for_pattern("foo"), convert_for_pattern(""), convert_for_pattern("b[a-z]+");
	print convert_for_pattern("^$-:\"\\/|*+?.(){}[]"), convert_for_pattern("a\x00b");
	print string_to_pattern("foo", F), string_to_pattern("", F), string_to_pattern("b[a-z]+", F), string_to_pattern("b[a-z]+", T);
	local p = string_to_pattern("b[a-z]+", F);
	local q = string_to_pattern("b[a-z]+", T);
	print "bar" == p, "b[a-z]+" == p, "bar" == q, "b[a-z]+" == q, q in "x b[a-z]+ y";
	print string_to_pattern("ab\x00cd", F);
	}
