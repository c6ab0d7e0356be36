# ARGS: -b --simulate all
# Needs the multi-node simulation: every node of ./cluster-layout.bro
# runs this script.  proxy-2 stops itself by a timer, after the cluster
# is up.  Every node peered with it (the logger, the manager and the
# workers; not the other proxies) gets node_down("proxy-2") and prints
# which keys move: a handler above the framework's priority 10 still sees
# the old HRW assignment, one at the default priority sees the new one
# (cluster.md §2.9).  Only proxy-2's keys move.
@load base/frameworks/cluster
@load ../pool-show

global skeys = vector("one", "two", "three", "four", "five", "six");
global before: table[string] of string;

global stop_proxy: event();

event bro_init()
	{
	if ( Cluster::node == "proxy-2" )
		schedule 10sec { stop_proxy() };
	}

event stop_proxy()
	{
	print fmt("%s: terminating", Cluster::node);
	terminate();
	}

event Cluster::node_down(name: string, id: string) &priority=20
	{
	for ( i in skeys )
		before[skeys[i]] = Cluster::hrw_topic(Cluster::proxy_pool, skeys[i]);
	}

event Cluster::node_down(name: string, id: string)
	{
	print fmt("%s: node_down %s", Cluster::node, name);
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));

	for ( i in skeys )
		{
		local k = skeys[i];
		local now = Cluster::hrw_topic(Cluster::proxy_pool, k);
		print fmt("  %s -> %s%s", k, node_of(now),
		          now == before[k] ? "" : fmt(" (was %s)", node_of(before[k])));
		}

	print fmt("rr_topic(proxy_pool, \"failover\") x4: %s",
	          rr_seq(Cluster::proxy_pool, "failover", 4));
	}
