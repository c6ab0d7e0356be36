# bifs/core-2.md §2, §6: bytestring conversions, hexstr_to_bytestring (sscanf %2hhx), uuid_to_string, routing0_data_to_addrs, to_port/count_to_port and port tests
@ifndef ( addr_vec )
type addr_vec: vector of addr;
@endif

event bro_init()
	{
	print bytestring_to_double("\x43\x26\x4f\xa0\x71\x30\x80\x00"), bytestring_to_double("\xc3\x26\x4f\xa0\x71\x30\x80\x00");
	print bytestring_to_double("\x7f\xf0\x00\x00\x00\x00\x00\x00"), bytestring_to_double("\xff\xf0\x00\x00\x00\x00\x00\x00"), bytestring_to_double("\x7f\xf8\x00\x00\x00\x00\x00\x00");
	print fmt("%.2e", bytestring_to_double("\x00\x00\x00\x00\x00\x00\x00\x01")), fmt("%e", bytestring_to_double("\x80\x00\x00\x00\x00\x00\x00\x00"));
	print bytestring_to_double("1234567");
	print bytestring_to_count("\xff"), bytestring_to_count("\xff", T), bytestring_to_count("\x03\xe8", F), bytestring_to_count("\xe8\x03", T);
	print bytestring_to_count("\x11\x22\x33\x44", F), bytestring_to_count("\x11\x22\x33\x44", T), bytestring_to_count("\xff\xff\xff\x00\x00\xff\xff\xff");
	print bytestring_to_count("\x00\x00\x00\x00\x00\x00\xff\xff");
	print bytestring_to_count("");
	print bytestring_to_hexstr("04"), bytestring_to_hexstr(""), bytestring_to_hexstr("\x00");
	print hexstr_to_bytestring("3034"), hexstr_to_bytestring(""), hexstr_to_bytestring("00"), hexstr_to_bytestring(" a"), hexstr_to_bytestring("  ab");
	print hexstr_to_bytestring("0g"), hexstr_to_bytestring("a "), hexstr_to_bytestring("FG"), hexstr_to_bytestring("-f"), hexstr_to_bytestring("0x");
	print hexstr_to_bytestring("a");
	print hexstr_to_bytestring("zz");
	print uuid_to_string("\xfe\x80abcdefg0123456"), uuid_to_string("short");
	print routing0_data_to_addrs("\x00\x00\x00\x00\x20\x01\x00\x78\x00\x01\x00\x32\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x01\x02\x03\x04");
	print routing0_data_to_addrs("1234"), routing0_data_to_addrs("12");
	print to_port("123/tcp"), to_port("123/udp"), to_port("123/icmp"), to_port("0/tcp"), to_port("80xtcp"), to_port("/tcp"), to_port(" 80/udp"), to_port("+80/icmp");
	print to_port("not a port");
	print to_port("80/tcp ");
	print to_port("70000/tcp");
	print count_to_port(256, tcp), count_to_port(256, udp), count_to_port(256, icmp), count_to_port(256, unknown_transport), count_to_port(4294967296, tcp);
	print count_to_port(70000, tcp);
	print port_to_count(123/tcp), is_tcp_port(123/tcp), is_tcp_port(123/udp), is_udp_port(123/udp), is_icmp_port(123/icmp), is_icmp_port(123/tcp);
	print get_port_transport_proto(123/tcp), get_port_transport_proto(123/udp), get_port_transport_proto(123/icmp), get_port_transport_proto(count_to_port(1, unknown_transport));
	}
