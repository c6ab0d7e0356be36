# values.md §6.1: the bifs.fmt baseline outputs
event bro_init()
	{
	print fmt("*%-10s*", "test");
	print fmt("*%10s*", T);
	print fmt("%10.2e", 3.14159265);
	print fmt("%10.2f", 3.14159265);
	print fmt("%10.2g", 3.14159265);
	print fmt("%010d", 128);
	print fmt("%10x", 160);
	print fmt("%10x", 160/tcp);
	print fmt("%10s", 160/tcp);
	print fmt("%10s", 192.168.0.0/16);
	print fmt("%e", 310.0), fmt("%f", 310.0), fmt("%g", 310.0);
	print fmt("%.3e", 310.0), fmt("%.7g", 310.0);
	print fmt("%s", 3.0), fmt("%d", -128), fmt(".%s", 0), fmt("%s", 3hr);
	}
