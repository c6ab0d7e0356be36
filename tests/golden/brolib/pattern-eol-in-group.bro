# Bro's regex grammar makes `$` an end-of-line symbol wherever it stands (re-parse.y SYM_EOL), so an alternative `|$` inside a group ends a match at the end of the string (base/utils/email.bro); strings-reporter-misc.md §1.2.
event bro_init()
	{
	print /a(b|$)/ in "xa", /a(b|$)/ in "xac", /a(b|$)/ in "xab";
	local v = find_all("one <a@b.com>, two c@d.org", /(^|[<,:[:blank:]])[^<,:[:blank:]@]+"@"[^>,;[:blank:]]+([>,;[:blank:]]|$)/);
	print |v|, "<a@b.com>" in v, " c@d.org" in v;
	}
