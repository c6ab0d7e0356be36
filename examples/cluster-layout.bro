# The cluster layout of the examples and of tests/cluster/std: one logger,
# one manager, three proxies and four workers, all on 127.0.0.1.  The
# cluster framework loads this file (by the name "cluster-layout", from the
# script path) on every node; CLUSTER_NODE says which node a process is.

redef Cluster::nodes = {
	["logger"]   = [$node_type=Cluster::LOGGER,  $ip=127.0.0.1, $p=47761/tcp],
	["manager"]  = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47762/tcp],
	["proxy-1"]  = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47763/tcp, $manager="manager"],
	["proxy-2"]  = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47764/tcp, $manager="manager"],
	["proxy-3"]  = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47765/tcp, $manager="manager"],
	["worker-1"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47766/tcp, $manager="manager", $interface="eth0"],
	["worker-2"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47767/tcp, $manager="manager", $interface="eth1"],
	["worker-3"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47768/tcp, $manager="manager", $interface="eth2"],
	["worker-4"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47769/tcp, $manager="manager", $interface="eth3"],
};

# With a logger in the layout the manager does not receive logs (what
# BroControl sets); so the logger pool holds the logger alone.
redef Cluster::manager_is_logger = F;
