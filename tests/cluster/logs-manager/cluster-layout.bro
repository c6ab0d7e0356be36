# No logger: the manager is the logger (Cluster::manager_is_logger keeps
# its default, T), so it logs locally and receives the others' rows.
redef Cluster::nodes = {
	["m"]   = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=37770/tcp],
	["p-1"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=37771/tcp, $manager="m"],
	["w-1"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=37772/tcp, $manager="m", $interface="eth0"],
	["w-2"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=37773/tcp, $manager="m", $interface="eth1"],
};
