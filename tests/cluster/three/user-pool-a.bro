# cluster.md §2.11, second example: the user pool "bro/cluster/pool/a"
# (PROXY, max 2) sorts before proxy_pool.  a gets [p-1, p-2] and moves the
# shared cursor to 2; proxy_pool takes all three starting there:
# [p-3, p-1, p-2].  With every proxy up, a fresh round-robin key on the
# manager therefore starts with p-3.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

global a_pool: Cluster::Pool;

global step2: event();

event bro_init()
	{
	a_pool = Cluster::register_pool([$topic = "bro/cluster/pool/a", $max_nodes = 2]);
	}

event bro_init() &priority=-20
	{
	print fmt("a_pool      %s", pool_members(a_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	event Cluster::node_up("p-1", "P1");
	event Cluster::node_up("p-2", "P2");
	event Cluster::node_up("p-3", "P3");
	event step2();
	}

event step2()
	{
	print fmt("rr_topic(proxy_pool, \"fresh\") x4: %s", rr_seq(Cluster::proxy_pool, "fresh", 4));
	print fmt("rr_topic(a_pool, \"fresh\") x3: %s", rr_seq(a_pool, "fresh", 3));
	show_hrw_strings("a_pool", a_pool, vector("one", "two", "three", "four", "five", "six"));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two", "three", "four", "five", "six"));
	terminate();
	}
