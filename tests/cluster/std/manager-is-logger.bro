# With Cluster::manager_is_logger = T the first manager joins the logger
# pool after the real loggers (cluster.md §2.3 step 3), even though this
# layout has a logger.  The manager is alive in its own logger pool, so
# rr_log_topic (which is Broker::log_topic on a cluster node) falls back to
# the manager while the logger is down, and alternates once it is up.
@load base/frameworks/cluster/main
redef Cluster::node = "manager";
@load base/frameworks/cluster
@load ../pool-show

# After the layout's "= F".  Pools read it at bro_init; the parse-time
# choice of node configuration scripts was already made with F.
redef Cluster::manager_is_logger = T;

global step2: event();

event bro_init() &priority=-20
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("Broker::log_topic: %s", Broker::log_topic(Broker::LOG, "broker"));
	print fmt("rr_key_seq[\"Cluster::rr_log_topic\"] = %s",
	          Cluster::logger_pool$rr_key_seq["Cluster::rr_log_topic"]);
	event Cluster::node_up("logger", "L");
	event step2();
	}

event step2()
	{
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("Broker::log_topic: %s", Broker::log_topic(Broker::LOG, "broker"));
	# Other keys of the logger pool have positions of their own.
	print fmt("rr_topic(logger_pool) x3: %s", rr_seq(Cluster::logger_pool, "", 3));
	terminate();
	}
