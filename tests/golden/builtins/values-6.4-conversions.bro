# values.md §6.4: to_count wraps a leading minus, double_to_count rounds half to even, plain intervals print as doubles
event bro_init()
	{
	print to_count("-5"), to_count("42");
	print double_to_count(3.14), double_to_count(3.9);
	print double_to_interval(1234563.14), double_to_interval(90.0);
	print port_to_count(80/tcp), is_v4_addr(1.2.3.4), is_v6_addr([::1]);
	}
