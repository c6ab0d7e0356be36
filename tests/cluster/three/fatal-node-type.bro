# Only WORKER, PROXY and LOGGER nodes can form pools (cluster.md §2.3 step
# 4.1); the check runs for non-exclusive pools too and names the type.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster

event bro_init()
	{
	Cluster::register_pool([$topic = "bro/cluster/pool/managers", $node_type = Cluster::MANAGER]);
	}

event bro_init() &priority=-20
	{
	print "not reached";
	}

print "before bro_init";
