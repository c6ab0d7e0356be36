# The same layout from w-2: w-2 is alive in worker_pool (rr_topic on it
# returns w-2, hrw_topic nothing), and the manager, the logger pool's only
# member, is alive once its node_up arrives; until then round-robin
# logging falls back to the default topic.
@load base/frameworks/cluster/main
redef Cluster::node = "w-2";
@load base/frameworks/cluster
@load ../pool-show

global step2: event();

event bro_init() &priority=-20
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	print fmt("local_node_type=%s", Cluster::local_node_type());
	print fmt("rr_topic(worker_pool) x2: %s", rr_seq(Cluster::worker_pool, "", 2));
	print fmt("hrw_topic(worker_pool, \"one\") = \"%s\"", Cluster::hrw_topic(Cluster::worker_pool, "one"));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	event Cluster::node_up("m", "M");
	event Cluster::node_up("p-1", "P1");
	event Cluster::node_up("p-2", "P2");
	event step2();
	}

event step2()
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("Broker::log_topic: %s", Broker::log_topic(Cluster::LOG, "cluster"));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two", "three", "four", "five", "six"));
	terminate();
	}
