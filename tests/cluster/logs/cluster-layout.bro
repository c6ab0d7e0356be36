# Two loggers, a manager that is not the logger, one worker: the layout of
# Bro 2.6's own log-distribution btest (cluster.md §6.3).
redef Cluster::manager_is_logger = F;
redef Cluster::nodes = {
	["manager"]  = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=37757/tcp],
	["worker-1"] = [$node_type=Cluster::WORKER,  $ip=127.0.0.1, $p=37760/tcp, $manager="manager", $interface="eth0"],
	["logger-1"] = [$node_type=Cluster::LOGGER,  $ip=127.0.0.1, $p=37761/tcp, $manager="manager"],
	["logger-2"] = [$node_type=Cluster::LOGGER,  $ip=127.0.0.1, $p=37762/tcp, $manager="manager"],
};
