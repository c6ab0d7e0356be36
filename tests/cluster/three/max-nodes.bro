# max_nodes on non-exclusive pools (cluster.md §2.3 step 7): one cursor
# per node type, shared by all its non-exclusive pools in topic order.
# Sorted: big (max 5), logger, m2 (max 2), n2 (max 2), proxy, worker,
# zero (max 0).  big takes all 3 from index 0 (a limit above the number of
# nodes takes them all) and wraps to 0; m2 takes p-1, p-2 (cursor 2); n2
# takes p-3, p-1 (cursor 1); proxy_pool takes p-2, p-3, p-1; zero gets
# nobody, so rr_topic on it is "" and leaves the key at 0.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

global big: Cluster::Pool;
global m2: Cluster::Pool;
global n2: Cluster::Pool;
global zero: Cluster::Pool;

event bro_init()
	{
	# Registered out of order on purpose: the topic order decides.
	zero = Cluster::register_pool([$topic = "bro/cluster/pool/zero", $max_nodes = 0]);
	n2 = Cluster::register_pool([$topic = "bro/cluster/pool/n2", $max_nodes = 2]);
	m2 = Cluster::register_pool([$topic = "bro/cluster/pool/m2", $max_nodes = 2]);
	big = Cluster::register_pool([$topic = "bro/cluster/pool/big", $max_nodes = 5]);
	}

event bro_init() &priority=-20
	{
	print fmt("big         %s", pool_members(big));
	print fmt("m2          %s", pool_members(m2));
	print fmt("n2          %s", pool_members(n2));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("zero        %s", pool_members(zero));
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("rr_topic(zero) = \"%s\", key at %s", Cluster::rr_topic(zero), zero$rr_key_seq[""]);
	terminate();
	}
