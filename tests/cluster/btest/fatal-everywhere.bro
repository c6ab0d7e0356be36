# ARGS: --simulate all
# cluster.md §2.3, §6.1 item 8: every node computes pool membership
# itself, so a configuration that cannot be satisfied is fatal on every
# node: each prints the message and exits with status 1 during bro_init,
# before it ever listens or connects, and nobody sees anybody come up.
redef Cluster::proxy_pool_spec = Cluster::PoolSpec($topic = "bro/cluster/pool/proxy",
                                                   $node_type = Cluster::PROXY,
                                                   $max_nodes = 3, $exclusive = T);

event Cluster::node_up(name: string, id: string)
	{
	print "not reached";
	}
