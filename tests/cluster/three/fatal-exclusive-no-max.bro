# An exclusive pool must say how many nodes it takes (cluster.md §2.3
# step 4.3): a fatal error, status 1, nothing after it runs.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster

event bro_init()
	{
	Cluster::register_pool([$topic = "bro/cluster/pool/x", $exclusive = T]);
	}

event bro_init() &priority=-20
	{
	print "not reached";
	}

print "before bro_init";
