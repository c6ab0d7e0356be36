# bifs/core-2.md §1-§2: address/subnet family tests, to_addr (sscanf quad, strict inet_pton), to_subnet, counts, raw bytes, PTR names
event bro_init()
	{
	print is_v4_addr(1.2.3.4), is_v4_addr([::1]), is_v4_addr([::ffff:1.2.3.4]), is_v6_addr([::1]), is_v6_addr(1.2.3.4);
	print is_v4_subnet(1.2.3.4/16), is_v4_subnet([2607:f8b0:4005:801::200e]/64), is_v6_subnet(1.2.3.4/24), is_v6_subnet([2607:f8b0:4005:801::200e]/12);
	print to_addr("0.0.0.0"), to_addr("1.2.3.4"), to_addr("01.02.03.04"), to_addr("001.002.003.004"), to_addr("10.00.00.000");
	print to_addr("1.2.3.4abc"), to_addr("1.2.3.4.5"), to_addr("1.2.3.4/24"), to_addr(" 1. 2. 3. 4"), to_addr("+1.2.3.4");
	print to_addr("::ffff:1.2.3.4"), to_addr("ABCD::EF"), to_addr("1.2.3.4\x00");
	print to_addr("not an IP");
	print to_addr("256.1.1.1"), to_addr("1 .2.3.4"), to_addr("[::1]"), to_addr("1.2.3.4:80");
	print to_addr("");
	print to_subnet("10.0.0.0/8"), to_subnet("2607:f8b0::/32"), to_subnet("1.2.3.4/24"), to_subnet("1.2.3.4/"), to_subnet("1.2.3.4/264");
	print to_subnet("10.0.0.0");
	print to_subnet("foo/8");
	print to_subnet("[2607:f8b0::]/32");
	print addr_to_subnet(192.168.18.50), addr_to_subnet([::1]), subnet_to_addr(1.2.3.4/16), subnet_to_addr([2607:f8b0:4005:803::200e]/128);
	print subnet_width(10.0.0.0/8), subnet_width([::]/0), subnet_width([2607:f8b0::]/32);
	print addr_to_counts(1.2.3.4), addr_to_counts([2001:0db8:85a3::8a2e:0370:7334]);
	print counts_to_addr(addr_to_counts([2001:db8:85a3::8a2e:370:7334])), counts_to_addr(addr_to_counts(1.2.3.4));
	local v: index_vec = vector(1, 2);
	print counts_to_addr(v);
	print count_to_v4_addr(1), count_to_v4_addr(806716794), count_to_v4_addr(4294967295);
	print count_to_v4_addr(4294967296);
	print raw_bytes_to_v4_addr("ABCD"), raw_bytes_to_v4_addr("ABCDE");
	print raw_bytes_to_v4_addr("ABC");
	print ptr_name_to_addr("52.225.125.74.in-addr.arpa"), ptr_name_to_addr("4.3.2.1.in-addr.arpa.");
	print ptr_name_to_addr("2.1.0.1.0.0.0.0.0.0.0.0.0.0.0.0.2.0.8.0.9.0.0.4.0.b.8.f.7.0.6.2.ip6.arpa");
	print ptr_name_to_addr("1.2.3.4.in-addr.net");
	print addr_to_ptr_name(74.125.225.52), addr_to_ptr_name([2607:f8b0:4009:802::1012]), addr_to_ptr_name([::ffff:1.2.3.4]);
	}
