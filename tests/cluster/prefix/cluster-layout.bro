# A manager and two workers whose names are prefixes of one another.
redef Cluster::nodes = {
	["manager"] = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47770/tcp],
	["worker-1"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=47771/tcp, $manager="manager"],
	["worker-10"] = [$node_type=Cluster::WORKER, $ip=127.0.0.1, $p=47772/tcp, $manager="manager"],
};
