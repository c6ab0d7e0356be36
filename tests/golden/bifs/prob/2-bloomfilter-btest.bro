# probabilistic-broker.md §2 bloomfilter_*: the bifs.bloomfilter baseline facts (btest seed file via -G is not used: broscript's built-in seed is the btest one)
function test_basic_bloom_filter()
	{
	local bf_cnt = bloomfilter_basic_init(0.1, 1000);
	bloomfilter_add(bf_cnt, 42);
	bloomfilter_add(bf_cnt, 84);
	bloomfilter_add(bf_cnt, 168);
	print bloomfilter_lookup(bf_cnt, 0);
	print bloomfilter_lookup(bf_cnt, 42);
	print bloomfilter_lookup(bf_cnt, 168);
	print bloomfilter_lookup(bf_cnt, 336);
	bloomfilter_add(bf_cnt, 0.5);
	bloomfilter_add(bf_cnt, "foo");
	local bf_dbl = bloomfilter_basic_init2(4, 10);
	bloomfilter_add(bf_dbl, 4.2);
	bloomfilter_add(bf_dbl, 3.14);
	print bloomfilter_lookup(bf_dbl, 4.2);
	print bloomfilter_lookup(bf_dbl, 3.14);
	local bf_str = bloomfilter_basic_init(0.9, 10);
	bloomfilter_add(bf_str, "foo");
	bloomfilter_add(bf_str, "bar");
	print bloomfilter_lookup(bf_str, "foo");
	print bloomfilter_lookup(bf_str, "bar");
	print bloomfilter_lookup(bf_str, "bazzz"), "fp";
	print bloomfilter_lookup(bf_str, "quuux"), "fp";
	bloomfilter_add(bf_str, 0.5);
	bloomfilter_add(bf_str, 100);
	local bf_edge0 = bloomfilter_basic_init(0.000000000001, 1);
	local bf_edge1 = bloomfilter_basic_init(0.00000001, 100000000);
	local bf_edge2 = bloomfilter_basic_init(0.9999999, 1);
	local bf_edge3 = bloomfilter_basic_init(0.9999999, 100000000000);
	local bf_bug0 = bloomfilter_basic_init(-0.5, 42);
	local bf_bug1 = bloomfilter_basic_init(1.1, 42);
	local bf_cnt2 = bloomfilter_basic_init(0.1, 1000);
	bloomfilter_add(bf_cnt2, 42);
	bloomfilter_add(bf_cnt, 100);
	local bf_merged = bloomfilter_merge(bf_cnt, bf_cnt2);
	print bloomfilter_lookup(bf_merged, 42);
	print bloomfilter_lookup(bf_merged, 84);
	print bloomfilter_lookup(bf_merged, 100);
	print bloomfilter_lookup(bf_merged, 168);
	local bf_empty = bloomfilter_basic_init(0.1, 1000);
	local bf_empty_merged = bloomfilter_merge(bf_merged, bf_empty);
	print bloomfilter_lookup(bf_empty_merged, 42);
	}

function test_counting_bloom_filter()
	{
	local bf = bloomfilter_counting_init(3, 32, 3);
	bloomfilter_add(bf, "foo");
	print bloomfilter_lookup(bf, "foo");
	bloomfilter_add(bf, "foo");
	print bloomfilter_lookup(bf, "foo");
	bloomfilter_add(bf, "foo");
	print bloomfilter_lookup(bf, "foo");
	bloomfilter_add(bf, "foo");
	print bloomfilter_lookup(bf, "foo");
	bloomfilter_add(bf, "bar");
	bloomfilter_add(bf, "bar");
	print bloomfilter_lookup(bf, "bar");
	print bloomfilter_lookup(bf, "foo");
	local bf2 = bloomfilter_counting_init(3, 32, 3);
	bloomfilter_add(bf2, "baz");
	bloomfilter_add(bf2, "baz");
	bloomfilter_add(bf2, "bar");
	local bf_merged = bloomfilter_merge(bf, bf2);
	print bloomfilter_lookup(bf_merged, "foo");
	print bloomfilter_lookup(bf_merged, "bar");
	print bloomfilter_lookup(bf_merged, "baz");
	}

event bro_init()
	{
	test_basic_bloom_filter();
	test_counting_bloom_filter();
	}
