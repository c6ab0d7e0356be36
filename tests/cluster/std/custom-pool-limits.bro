# A user pool limited to two proxies, next to the default proxy_pool
# (cluster.md §2.3 step 7): "bro/cluster/pool/custom" sorts before
# "bro/cluster/pool/proxy", takes proxy-1 and proxy-2 and leaves the shared
# cursor at 2, so proxy_pool starts at proxy-3.  The custom pool's HRW
# mapping of the count keys is the one hashing.md §7 gives (keys 0-3 go to
# proxy-1, 13, 37, 42 and 101 to proxy-2).
@load base/frameworks/cluster/main
redef Cluster::node = "manager";
@load base/frameworks/cluster
@load ../pool-show

global ckeys = vector(0, 1, 2, 3, 13, 37, 42, 101);
global custom_pool: Cluster::Pool;

global step2: event();

event bro_init()
	{
	custom_pool = Cluster::register_pool([$topic = "bro/cluster/pool/custom",
	                                      $max_nodes = 2]);
	}

event bro_init() &priority=-20
	{
	print fmt("custom_pool %s", pool_members(custom_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	event Cluster::node_up("proxy-1", "P1");
	event Cluster::node_up("proxy-2", "P2");
	event Cluster::node_up("proxy-3", "P3");
	event step2();
	}

event step2()
	{
	show_hrw_counts("custom_pool", custom_pool, ckeys);
	show_hrw_counts("proxy_pool", Cluster::proxy_pool, ckeys);
	print fmt("rr_topic(custom_pool) x3: %s", rr_seq(custom_pool, "", 3));
	print fmt("rr_topic(proxy_pool) x4: %s", rr_seq(Cluster::proxy_pool, "", 4));
	terminate();
	}
