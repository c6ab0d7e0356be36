# bifs/strings-reporter-misc.md §3.1: Reporter::fatal_error_with_core does not exist in 2.6
event bro_init()
	{
	Reporter::fatal_error_with_core("x");
	}
