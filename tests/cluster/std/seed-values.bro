# Everything the pools.bro reference page (shared/seed/pools.bro.rst)
# documents, printed: the state variables before bro_init (the page's
# :Default: blocks; print shows strings without quotes, so the page's
# topic="" is topic= here), the types' defaults and structure, the
# functions' arities and behaviour with nothing registered or alive.
# Not a cluster node: no Cluster::node, so no layout is loaded either.
@load base/frameworks/cluster

global my_pool: Cluster::Pool;

event bro_init()
	{
	# A user pool: the record register_pool returns is the registered one.
	my_pool = Cluster::register_pool([$topic="bro/cluster/pool/mine"]);
	}

event bro_init() &priority=-20
	{
	print "-- after bro_init: registered, but no members (not a cluster node)";
	print Cluster::is_enabled(), Cluster::local_node_type();
	print Cluster::logger_pool$spec;
	print Cluster::proxy_pool$spec;
	print Cluster::worker_pool$spec;
	print my_pool$spec;
	print |Cluster::logger_pool$node_list|, |Cluster::proxy_pool$node_list|,
	      |Cluster::worker_pool$node_list|, |my_pool$node_list|;
	print fmt("rr_topic(proxy_pool) = \"%s\"", Cluster::rr_topic(Cluster::proxy_pool));
	print fmt("hrw_topic(proxy_pool, \"one\") = \"%s\"", Cluster::hrw_topic(Cluster::proxy_pool, "one"));
	print fmt("rr_log_topic(Cluster::LOG, \"cluster\") = \"%s\"", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	}

print "-- state variables before bro_init";
print Cluster::logger_pool;
print Cluster::logger_pool_spec;
print Cluster::proxy_pool;
print Cluster::proxy_pool_spec;
print Cluster::worker_pool;
print Cluster::worker_pool_spec;

print "-- types";
print Cluster::PoolNode($name="proxy-1", $alias="proxy-1.0", $site_id=3102392432);
print Cluster::PoolSpec();
print Cluster::PoolNodeTable();
print Cluster::RoundRobinTable(["Intel::cluster_rr_key"] = -1);
print Cluster::Pool();
print type_name(Cluster::proxy_pool_spec);
print type_name(Cluster::proxy_pool$nodes);
print type_name(Cluster::proxy_pool$node_list);
print type_name(Cluster::proxy_pool$hrw_pool);
print type_name(Cluster::proxy_pool$rr_key_seq);

print "-- functions";
print |Cluster::hrw_topic|, |Cluster::register_pool|, |Cluster::rr_log_topic|, |Cluster::rr_topic|;
print type_name(Cluster::rr_log_topic);
# An empty pool: "" from both, and rr_topic's key (default "") now sits at 0.
print fmt("hrw_topic(proxy_pool, 42) = \"%s\"", Cluster::hrw_topic(Cluster::proxy_pool, 42));
print fmt("rr_topic(proxy_pool) = \"%s\"", Cluster::rr_topic(Cluster::proxy_pool));
print Cluster::proxy_pool$rr_key_seq;
# No logger is alive: the default topic "bro/logs/" + the stream id.
print Cluster::rr_log_topic(Cluster::LOG, "cluster");
# Not a cluster node: Broker::log_topic keeps its default.
print Broker::log_topic(Broker::LOG, "broker");
print Cluster::node_topic("worker-1"), Cluster::nodeid_topic("0123ABCD#42");
