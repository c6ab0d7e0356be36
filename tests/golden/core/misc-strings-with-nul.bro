# values.md: a string is bytes; an embedded NUL is kept by |s|, comparisons, table keys, fmt and sub_bytes, and print escapes it as \x00
global s = "a\x00b";
global t: table[string] of count;
event bro_init()
	{
	print s, |s|, fmt("%s|%d", s, |s|);
	print s == "a\x00b", s < "a\x00c", s == "a", s > "a";
	t[s] = 1;
	t["a"] = 2;
	print t[s], "a\x00b" in t, "a\x00" in t, |t|;
	print sub_bytes(s, 2, 2), |sub_bytes(s, 2, 2)|, to_upper(s);
	print strstr(s, "b"), s + s, |s + s|;
	}
