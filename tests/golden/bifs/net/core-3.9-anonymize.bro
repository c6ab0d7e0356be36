# bifs/core-3.md §9: anonymizers are never initialized in 2.6: preserve_* do nothing, anonymize_addr keeps IPv4 addresses (queuing anonymization_mapping), and refuses IPv6 with no value

event anonymization_mapping(orig: addr, mapped: addr)
	{
	print "mapping", orig, mapped;
	}

event bro_init()
	{
	preserve_prefix(1.2.3.4, 8);
	preserve_prefix([2001:db8::1], 32);
	preserve_subnet(10.0.0.0/8);
	print anonymize_addr(1.2.3.4, ORIG_ADDR);
	print anonymize_addr(10.0.0.1, RESP_ADDR), anonymize_addr([::ffff:192.168.0.1], OTHER_ADDR);
	print anonymize_addr([::1], ORIG_ADDR);
	print "end of bro_init";
	}
