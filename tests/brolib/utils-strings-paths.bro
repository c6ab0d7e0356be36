# Bro 2.6's base/utils/email, files, numbers, paths, patterns, strings and time, as Bro's btests scripts/base/utils/{paths,...} use them.
@load base/utils/email
@load base/utils/files
@load base/utils/numbers
@load base/utils/paths
@load base/utils/patterns
@load base/utils/strings
@load base/utils/time

event bro_init()
	{
	local v = extract_email_addrs_vec("one <a@b.com>, two c@d.org");
	print |v|, "a@b.com" in extract_email_addrs_set("one <a@b.com>, two c@d.org");
	print extract_first_email_addr("x <a@b.com>");
	print extract_filename_from_content_disposition("attachment; filename=\"foo.txt\"");
	print extract_filename_from_content_disposition("attachment; filename*=UTF-8''foo%20bar.txt");
	print extract_count("abc 123 def 456"), extract_count("abc 123 def 456", F), extract_count("none");
	print extract_path("/usr/local/bin/bro");
	print compress_path("a/../b/./c//d"), compress_path("/a/b/../../c");
	print build_path("/a/b", "c"), build_path("/a/b", "/c"), build_path_compressed("/a/./b/../c", "d");
	print set_to_regex(set("a.b"), "^?(~~)$");
	print match_pattern("foo123bar", /[0-9]+/);
	print match_pattern("foo", /[0-9]+/);
	print is_string_binary("abc"), is_string_binary("\xff\xfe\x00\x01");
	print join_string_set(set("x"), ","), string_escape("a.b*c", ".*"), cut_tail("abcdef", 2), cut_tail("ab", 5) == "";
	print duration_to_mins_secs(123secs), duration_to_mins_secs(5min);
	}
