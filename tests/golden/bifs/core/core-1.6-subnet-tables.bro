# bifs/core-1.md §6: matching_subnets (longest first, tree quirk), filter_subnet_table, check_subnet (exact key) on set[subnet]/table[subnet]
@ifndef ( subnet_vec )
type subnet_vec: vector of subnet;
@endif

event bro_init()
	{
	local s = set(10.0.0.0/8, 10.2.0.0/16, 10.2.0.2/31, 10.3.0.0/16,
	              [2607:f8b0:4007:807::]/64, [2607:f8b0:4007:807::200e]/128);
	print matching_subnets(10.2.0.2/32, s);
	print matching_subnets([2607:f8b0:4007:807::200e]/128, s);
	print matching_subnets(128.0.0.1/32, s);
	print matching_subnets(10.0.0.2/8, s);
	print matching_subnets(10.0.0.0/8, set(10.0.0.0/16));
	local t = table([10.0.0.0/8] = "a", [10.2.0.0/16] = "b", [10.2.0.2/31] = "c");
	print filter_subnet_table(10.2.0.2/32, table([10.2.0.2/31] = "c"));
	print filter_subnet_table(10.5.0.0/32, t);
	print filter_subnet_table(192.168.0.0/32, t);
	print check_subnet(10.2.0.2/32, s), check_subnet(10.2.0.2/31, s);
	print check_subnet(10.6.0.0/9, s), check_subnet(10.2.0.0/8, s);
	print matching_subnets(1.2.3.4/32, set(1));
	print filter_subnet_table(1.2.3.4/32, table([1] = 2));
	print check_subnet(1.2.3.4/32, 5);
	print "done";
	}
