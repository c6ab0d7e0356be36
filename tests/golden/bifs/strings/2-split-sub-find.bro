# bifs/strings-reporter-misc.md §1.2, §2: the split family, sub, gsub, find_all, find_last, str_split
global t: string_array;

event bro_init()
	{
	print split_string("this is a test", /hi|es/), split_string("a,", /,/), split_string(",a", /,/), split_string("abc", /x/);
	print split_string("", /,/), |split_string("", /,/)|;
	print split_string1("this is a test", /hi|es/), split_string1("X-Mailer: Testing Test (http://www.example.com)", /:[[:blank:]]*/), split_string1("abc", /x/);
	print split_string_all("this is a test", /hi|es/), split_string_all("A = B = C = D", /=/), split_string_all("a,", /,/);
	print split_string_n("this is a test", /hi|es/, F, 1), split_string_n("this is a test", /hi|es/, T, 1), split_string_n("a,b,c", /,/, F, 0);
	t = split("this is a test", /hi|es/);
	print |t|, t[1], t[2], t[3];
	t = split1("this is a test", /hi|es/);
	print |t|, t[1], t[2];
	t = split_all("A = B = C = D", /=/);
	print |t|, t[1], t[2], t[7];
	t = split_n("this is a test", /hi|es/, T, 1);
	print |t|, t[1], t[2], t[3];
	print sub("this is a test", /is|ss/, "at"), gsub("this is a test", /is|ss/, "at"), gsub("aaa", /^a/, "b"), gsub("abc", /x*/, "-");
	print gsub("a.b$c", /\$/, "D"), gsub("ab ab", /b$/, "X"), sub("abcabc", /b|bc/, "-");
	print find_all("this is a test", /his/), |find_all("this is a test", /xyz/)|, |find_all("", /x*/)|;
	print find_last("this is a test", /hi|es/), |find_last("this is a test", /aa|bb/)|, |find_last("abc", /b*/)|, find_last("abc", /.*/);
	print str_split("this is a test", vector(3, 6, 13)), str_split("broisaveryneatids", vector(0, 3, 5, 6, 10, 14));
	print str_split("abc", vector()), |str_split("abc", vector())|, str_split("", vector(2)), str_split("abcd", vector(2, 99, 2));
	}
