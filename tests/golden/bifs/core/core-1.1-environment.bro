# bifs/core-1.md §1: getenv/setenv (F for a name C refuses), terminate twice in bro_init, network_time set before bro_init, exit flushes stdout and ends at once
global parse_time = network_time();

event bro_init()
	{
	print time_to_double(parse_time) == 0.0, time_to_double(network_time()) > 0.0, time_to_double(current_time()) > 0.0;
	print getenv("BROSCRIPT_TEST_UNSET_VAR"), getenv("");
	print setenv("BROSCRIPT_TEST_VAR", "value"), getenv("BROSCRIPT_TEST_VAR");
	print setenv("BROSCRIPT_TEST_VAR", "other"), getenv("BROSCRIPT_TEST_VAR");
	print setenv("", "x"), setenv("A=B", "x");
	print terminate(), terminate();
	print "hello";
	exit(7);
	print "not reached";
	}

event bro_done()
	{
	print "no bro_done after exit";
	}
