# The pools as proxy-2 sees them (cluster.md §2.10): it is a member of
# proxy_pool, alive from the start, but never one of its own HRW sites.
# So rr_topic can return its own topic and hrw_topic never can.  In a real
# cluster a proxy never gets node_up for another proxy (proxies do not
# peer with each other); the test raises one anyway, to show that
# hrw_topic then always picks that other proxy.
@load base/frameworks/cluster/main
redef Cluster::node = "proxy-2";
@load base/frameworks/cluster
@load ../pool-show

global skeys = vector("one", "two", "three", "four", "five", "six");

global step2: event();

event bro_init() &priority=-20
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	print fmt("rr_topic(proxy_pool) x3: %s", rr_seq(Cluster::proxy_pool, "", 3));
	print fmt("rr_topic(worker_pool) x1: %s", rr_seq(Cluster::worker_pool, "", 1));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two"));

	event Cluster::node_up("proxy-1", "P1");
	event Cluster::node_up("worker-1", "W1");
	event Cluster::node_up("worker-3", "W3");
	event step2();
	}

event step2()
	{
	print "-- after node_up for proxy-1, worker-1 and worker-3";
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, skeys);
	print fmt("rr_topic(proxy_pool) x4: %s", rr_seq(Cluster::proxy_pool, "", 4));
	print fmt("rr_topic(worker_pool) x4: %s", rr_seq(Cluster::worker_pool, "", 4));
	show_hrw_strings("worker_pool", Cluster::worker_pool, skeys);
	terminate();
	}
