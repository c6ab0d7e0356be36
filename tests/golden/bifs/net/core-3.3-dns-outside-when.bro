# bifs/core-3.md §1.3, §3: outside a when-condition (here in an event and in a when body) each lookup reports its builtin error and returns the string "<error>"
event bro_init()
	{
	print lookup_addr(1.2.3.4);
	print lookup_hostname_txt("bro.org");
	print lookup_hostname("bro.org");
	when ( 1 < 2 )
		{
		print "body", lookup_addr([::1]);
		}
	}
