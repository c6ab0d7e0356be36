# bifs/strings-reporter-misc.md §2: edit, sub_bytes, strcmp, strstr, subst_string, case, escaping, strip, string_fill, hexdump, reverse
global two = "xy";

event bro_init()
	{
	print edit("hello there", "e"), edit("abc", "z");
	print edit("hello", two);
	print sub_bytes("broisaveryneatids", 0, 3), sub_bytes("broisaveryneatids", 2, 5), sub_bytes("broisaveryneatids", 4, 7), sub_bytes("broisaveryneatids", 10, 10);
	print sub_bytes("\xff\x39\x30\xff", 2, 2), |sub_bytes("abc", 4, 1)|, |sub_bytes("abc", 5, 1)|, sub_bytes("abc", 2, -1), |sub_bytes("abc", 1, 4294967296)|, sub_bytes("abc", 1, 2147483648);
	print strcmp("this", "testing") > 0, strcmp("testing", "this") < 0, strcmp("a", "a") == 0, strcmp("ab", "abc") < 0, strcmp("abc", "ab") > 0;
	print strstr("this is a test", "his"), strstr("this is a test", "are"), strstr("broisaveryneatids", "ids"), strstr("", ""), strstr("ab", "abc");
	print subst_string("this is another test", "is", "at"), subst_string("aaa", "aa", "b"), subst_string("abc", "", "x"), subst_string(reverse("rise to vote sir"), " ", "");
	print to_lower("this is a Test"), to_upper("this is a Test"), to_lower("\xc4Z");
	print clean("Test \0string"), |clean("Test \0string")|, clean("a\\b\"c'");
	print to_string_literal("Test \0string"), |to_string_literal("Test \0string")|, to_string_literal("say \"hi\"\\\x01'");
	print escape_string("Test \0string"), escape_string("a\\b\"\xfe");
	print is_ascii("this is a test\xfe"), is_ascii("this is a test\x7f"), is_ascii("");
	print string_to_ascii_hex("Test \0string"), |string_to_ascii_hex("Test \0string")|, |string_to_ascii_hex("")|;
	print strip("  this is a test "), |strip("")|, |strip(" ")|, strip("\t\n\x0b\x0cx\r");
	print string_fill(1, "test "), string_fill(2, "test "), fmt("*%s* %d", string_fill(10, "test "), |string_fill(10, "test ")|);
	print str_shell_escape("echo ${TEST} > \"my file\""), |str_shell_escape("echo ${TEST} > \"my file\"")|, str_shell_escape("a`b\\c");
	print hexdump("abc\xffdefghijklmnopqrstuvwxyz");
	print hexdump("ABC"), |hexdump("ABC")|, |hexdump("ABCDEFGHI")|, |hexdump("")|, |hexdump("0123456789abcdef")|;
	print reverse("hello world!"), reverse("\xff\x00"), reverse("A"), |reverse("")|;
	}
