# values.md §6.4: port, addr and subnet conversion builtins
print port_to_count(443/tcp), count_to_port(53, udp), get_port_transport_proto(80/tcp), get_port_transport_proto(0/unknown), to_port("80/tcp");
print to_addr("1.2.3.4"), to_addr("2001:db8::1"), to_subnet("10.0.0.0/8"), addr_to_subnet(1.2.3.4), addr_to_subnet([::1]);
print subnet_to_addr(10.0.0.0/8), subnet_width(10.0.0.0/8), mask_addr(1.2.3.4, 16), is_v4_addr(1.2.3.4), is_v6_addr(1.2.3.4);
