# values.md §6.3: sub/gsub, split_string*, str_split, sub_bytes, string_fill, strstr
event bro_init()
	{
	print sub("this is a test", /is|ss/, "at");
	print gsub("this is a test", /is|ss/, "at");
	print split_string("this is a test", /hi|es/);
	print split_string_all("A = B = C = D", /=/);
	print str_split("this is a test", vector(3, 6, 13));
	print sub_bytes("broisaveryneatids", 2, 5);
	print fmt("*%s* %d", string_fill(10, "test "), |string_fill(10, "test ")|);
	print strstr("abcabc", "ca"), strstr("abc", "x"), strstr("abc", "");
	print to_upper("aBc1"), to_lower("AbC1");
	}
