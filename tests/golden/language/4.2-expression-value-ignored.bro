# language.md §4.2 / values.md §7.3: a pure expression statement warns "expression value ignored"; the run goes on
event bro_init()
	{
	2 + 2;
	print "ran";
	}
