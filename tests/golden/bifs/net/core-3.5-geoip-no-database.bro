# bifs/core-3.md §1.5, §4: without a MaxMind database (libmaxminddb build) lookups give the empty record and 0, each with its builtin error on the first failing call only; opening a missing file is F without a message

event bro_init()
	{
	print mmdb_open_location_db("no-such-file.mmdb"), mmdb_open_asn_db("no-such-file.mmdb");
	print lookup_location(1.2.3.4);
	print lookup_location([2001:db8::1])?$country_code;
	print lookup_asn(1.2.3.4);
	print lookup_asn(5.6.7.8);
	}
