# cluster.md §2.11, first example: logger_pool = [m] (the manager is the
# logger), proxy_pool = [p-1, p-2], worker_pool = [w-1, w-2].  On m only m
# itself is alive, so round-robin logging goes to m; the other pools have
# nobody alive until node_up.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

event bro_init() &priority=-20
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	print fmt("local_node_type=%s, worker_count=%s", Cluster::local_node_type(), Cluster::worker_count);
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("rr_topic(proxy_pool) x2: %s", rr_seq(Cluster::proxy_pool, "", 2));
	print fmt("hrw_topic(worker_pool, \"one\") = \"%s\"", Cluster::hrw_topic(Cluster::worker_pool, "one"));
	terminate();
	}
