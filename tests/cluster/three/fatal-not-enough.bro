# cluster.md §2.11, last example: two exclusive PROXY pools of 2 nodes
# each need 4 proxies and the layout has 3.  Reporter::fatal ends the node
# at once with status 1 during bro_init (priority -5): later bro_init
# handlers (this test's at -20, setup-connections' at -10) never run.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster

event bro_init()
	{
	Cluster::register_pool([$topic = "bro/cluster/pool/x1", $max_nodes = 2, $exclusive = T]);
	Cluster::register_pool([$topic = "bro/cluster/pool/x2", $max_nodes = 2, $exclusive = T]);
	}

event bro_init() &priority=-20
	{
	print "not reached";
	}

print "before bro_init";
