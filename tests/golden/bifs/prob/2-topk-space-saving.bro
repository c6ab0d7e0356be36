# probabilistic-broker.md §2 topk_add/topk_get_top/topk_count/topk_epsilon/topk_sum: the size-2 example (a, b, b, c, then d) and untracked-element errors
event bro_init()
	{
	local k1 = topk_init(2);
	print topk_size(k1);
	topk_add(k1, "a");
	topk_add(k1, "b");
	topk_add(k1, "b");
	topk_add(k1, "c");
	print topk_get_top(k1, 5);
	print topk_sum(k1);
	print topk_count(k1, "a"), topk_epsilon(k1, "a");
	print topk_count(k1, "b"), topk_epsilon(k1, "b");
	print topk_count(k1, "c"), topk_epsilon(k1, "c");
	topk_add(k1, "d");
	print topk_get_top(k1, 5);
	print topk_count(k1, "d"), topk_epsilon(k1, "d");
	print topk_count(k1, "b");
	print topk_sum(k1);
	print topk_get_top(k1, 1);
	print topk_get_top(k1, 0);
	topk_add(k1, 5);
	print topk_sum(k1);
	local empty = topk_init(3);
	local x = topk_get_top(empty, 2);
	print "after empty";
	}
