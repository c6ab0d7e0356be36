# probabilistic-broker.md §2 bloomfilter_merge checks in order, copy() of basic (exact) and counting (rehashed) filters, init errors, untyped filters, printing
event bro_init()
	{
	local a = bloomfilter_basic_init(0.1, 100);
	local b = bloomfilter_basic_init(0.1, 100, "other");
	local c = bloomfilter_basic_init2(3, 200);
	local n = bloomfilter_counting_init(3, 32, 3);
	print a, type_name(a);
	print bloomfilter_lookup(a, "x");
	bloomfilter_add(a, "x");
	bloomfilter_add(b, 1);
	local m1 = bloomfilter_merge(a, b);
	print "m1";
	bloomfilter_add(b, "y");
	local b2 = bloomfilter_basic_init(0.1, 100, "other");
	bloomfilter_add(b2, "q");
	local m8 = bloomfilter_merge(a, b2);
	bloomfilter_add(c, "z");
	local m2 = bloomfilter_merge(a, n);
	local m3 = bloomfilter_merge(a, b);
	local m4 = bloomfilter_merge(a, c);
	local a2 = copy(a);
	print bloomfilter_lookup(a2, "x");
	local m5 = bloomfilter_merge(a, a2);
	print bloomfilter_lookup(m5, "x");
	bloomfilter_add(n, "x");
	local n2 = copy(n);
	local m6 = bloomfilter_merge(n, n2);
	local e = bloomfilter_basic_init(0.1, 100);
	local m7 = bloomfilter_merge(e, a);
	print bloomfilter_lookup(m7, "x");
	bloomfilter_add(m7, "x");
	print bloomfilter_lookup(m7, "x");
	bloomfilter_clear(a);
	print bloomfilter_lookup(a, "x");
	print bloomfilter_lookup(a2, "x");
	local bad1 = bloomfilter_basic_init2(0, 10);
	local bad2 = bloomfilter_basic_init2(2, 0);
	local bad3 = bloomfilter_counting_init(2, 10, 0);
	print "done";
	}
