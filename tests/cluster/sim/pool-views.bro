# ARGS: -b --simulate all
# Needs the multi-node simulation: every node of ./cluster-layout.bro
# runs this script.  At shutdown each node prints its own view of the
# pools (cluster.md §2.10, §4.4): peered nodes are alive, the node itself
# is alive in its own pools but never an HRW site there, and nodes of its
# own type (other than itself) are never alive, because proxies do not
# peer with proxies nor workers with workers.  This depends only on which
# peerings exist, not on the order in which they complete.
@load base/frameworks/cluster
@load ../pool-show

global skeys = vector("one", "two", "three", "four", "five", "six");

event bro_done()
	{
	print fmt("%s (%s), worker_count=%s", Cluster::node, Cluster::local_node_type(),
	          Cluster::worker_count);
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	print fmt("rr_topic(proxy_pool, \"views\") x4: %s", rr_seq(Cluster::proxy_pool, "views", 4));
	print fmt("rr_topic(worker_pool, \"views\") x5: %s", rr_seq(Cluster::worker_pool, "views", 5));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, skeys);
	show_hrw_strings("worker_pool", Cluster::worker_pool, skeys);
	}
