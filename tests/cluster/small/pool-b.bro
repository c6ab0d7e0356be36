# cluster.md §2.11, fourth example: the user pool "bro/cluster/pool/b"
# (PROXY, no limit) sorts before proxy_pool, which is limited to one node.
# b takes both proxies and the shared cursor wraps to 0, so proxy_pool gets
# [p-1].
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

redef Cluster::proxy_pool_spec = Cluster::PoolSpec($topic = "bro/cluster/pool/proxy",
                                                   $node_type = Cluster::PROXY,
                                                   $max_nodes = 1);

global b_pool: Cluster::Pool;

event bro_init()
	{
	b_pool = Cluster::register_pool([$topic = "bro/cluster/pool/b"]);
	}

event bro_init() &priority=-20
	{
	print fmt("b_pool      %s", pool_members(b_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	terminate();
	}
