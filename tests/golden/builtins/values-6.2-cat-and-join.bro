# values.md §6.2: cat, cat_sep (empty strings replaced by the default), join_string_vec with holes
event bro_init()
	{
	print cat("foo", 3, T), cat();
	print cat_sep("|", "<empty>", "", 3, T);
	local v: vector of string = vector();
	v[3] = "hi";
	v[5] = "there";
	print join_string_vec(v, ".");
	}
