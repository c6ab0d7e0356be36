# The three-proxy layout of cluster.md §2.11's later examples: manager m
# and proxies p-1, p-2, p-3 (manager_is_logger keeps its default T).

redef Cluster::nodes = {
	["m"]   = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47781/tcp],
	["p-1"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47782/tcp, $manager="m"],
	["p-2"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47783/tcp, $manager="m"],
	["p-3"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47784/tcp, $manager="m"],
};
