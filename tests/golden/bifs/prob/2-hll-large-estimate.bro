# probabilistic-broker.md §2 hll_cardinality_add: the bifs.hll_large_estimate baseline, 127.0.0.1 ... 127.2.152.15 (169999 addrs) with (0.1, 1.0) gives 167377.950902 under the btest seed (broscript's built-in one)
event bro_init()
	{
	local cp = hll_cardinality_init(0.1, 1.0);
	local i = 1;
	while ( i < 170000 )
		{
		hll_cardinality_add(cp, to_addr(fmt("127.%d.%d.%d", i / 65536, (i / 256) % 256, i % 256)));
		++i;
		}
	print hll_cardinality_estimate(cp);
	}
