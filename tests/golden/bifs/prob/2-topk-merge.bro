# probabilistic-broker.md §2 topk_merge/topk_merge_prune: the six-element example merged twice into fresh size-2 structures (sums 19/38, prune warning, counts 12/10/8)
event bro_init()
	{
	local k1 = topk_init(100);
	topk_add(k1, "a");
	topk_add(k1, "b");
	topk_add(k1, "b");
	local i = 0;
	while ( i < 6 ) { topk_add(k1, "c"); ++i; }
	i = 0;
	while ( i < 4 ) { topk_add(k1, "d"); ++i; }
	i = 0;
	while ( i < 5 ) { topk_add(k1, "e"); ++i; }
	topk_add(k1, "f");
	print topk_get_top(k1, 3);
	print topk_sum(k1);
	local k2 = topk_init(2);
	topk_merge(k2, k1);
	print topk_sum(k2);
	topk_merge(k2, k1);
	print topk_get_top(k2, 3);
	print topk_sum(k2);
	print topk_count(k2, "c"), topk_count(k2, "e"), topk_count(k2, "d");
	print topk_size(k2);
	local k3 = topk_init(2);
	topk_merge_prune(k3, k1);
	print topk_get_top(k3, 3);
	print topk_count(k3, "c"), topk_count(k3, "e");
	print topk_count(k3, "d");
	topk_merge_prune(k3, k1);
	print topk_get_top(k3, 3);
	print topk_count(k3, "c"), topk_count(k3, "e");
	print topk_sum(k3);
	local k4 = topk_init(2);
	topk_add(k4, 1);
	topk_merge(k4, k1);
	print topk_sum(k4);
	}
