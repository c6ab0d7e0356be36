# The first layout of cluster.md §2.11: manager m, proxies p-1 and p-2,
# workers w-1 and w-2; no logger, and manager_is_logger keeps its default T.

redef Cluster::nodes = {
	["m"]   = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47771/tcp],
	["p-1"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47772/tcp, $manager="m"],
	["p-2"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47773/tcp, $manager="m"],
	["w-1"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47774/tcp, $manager="m", $interface="eth0"],
	["w-2"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=47775/tcp, $manager="m", $interface="eth1"],
};
