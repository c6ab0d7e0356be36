# bifs/strings-reporter-misc.md §2: levenshtein_distance, string_cat, cat_string_array(_n), join_string_array, join_string_vec, sort_string_array
global a: string_array = { [0] = "this", [1] = "is", [2] = "a", [3] = "test" };
global b: string_array = { [1] = "this", [2] = "is", [3] = "a", [4] = "test" };
global holes: string_array = { [1] = "x", [3] = "z" };
global e: vector of string;
global r = "unchanged";

event bro_init()
	{
	print levenshtein_distance("this is a string", "this is a tring"), levenshtein_distance("this is a tring", "this is a string");
	print levenshtein_distance("kitten", "sitting"), levenshtein_distance("this is a strink", ""), levenshtein_distance("", "");
	print string_cat("a", "", "bc"), |string_cat()|;
	print cat_string_array(a), cat_string_array_n(a, 0, |a| - 1), cat_string_array_n(a, 1, 2), |cat_string_array_n(a, 3, 1)|;
	print join_string_array(" * ", b), join_string_array("", b), join_string_array("x", table([1] = "mytest"));
	r = join_string_array("-", holes);
	print r;
	print join_string_vec(vector("this", "is", "another", "test"), "__"), join_string_vec(vector("Test"), "-");
	e[3] = "hi";
	e[5] = "there";
	print join_string_vec(e, "."), |join_string_vec(vector(), ",")|;
	local s = sort_string_array(b);
	print s[1], s[2], s[3], s[4], |s|, b[1];
	}
