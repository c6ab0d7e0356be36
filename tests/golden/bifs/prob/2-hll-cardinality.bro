# probabilistic-broker.md §2 hll_cardinality_*: linear-counting estimates for m=65536 (13 -> 13.00129, 12 -> 12.001099, 21 -> 21.003365), typing, copy, merge errors
event bro_init()
	{
	local c1 = hll_cardinality_init(0.01, 0.95);
	print hll_cardinality_estimate(c1);
	local i = 0;
	while ( i < 13 )
		{
		hll_cardinality_add(c1, i);
		++i;
		}
	print hll_cardinality_estimate(c1);
	print hll_cardinality_add(c1, "a string");
	print hll_cardinality_add(c1, 3);
	print hll_cardinality_estimate(c1);
	local c2 = copy(c1);
	print hll_cardinality_estimate(c2);
	print hll_cardinality_add(c2, -1);
	local c3 = hll_cardinality_copy(c1);
	print hll_cardinality_estimate(c3);
	print hll_cardinality_add(c3, "now a string counter");
	local c4 = hll_cardinality_init(0.01, 0.95);
	i = 100;
	while ( i < 112 )
		{
		hll_cardinality_add(c4, i);
		++i;
		}
	print hll_cardinality_estimate(c4);
	i = 10;
	while ( i < 22 )
		{
		hll_cardinality_add(c1, i);
		++i;
		}
	print hll_cardinality_estimate(c1);
	print hll_cardinality_merge_into(c4, c1);
	print hll_cardinality_estimate(c4);
	print hll_cardinality_merge_into(c4, c3);
	local small = hll_cardinality_init(0.1, 0.95);
	print hll_cardinality_merge_into(small, c1);
	print type_name(small);
	}
