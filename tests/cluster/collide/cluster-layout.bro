# Two proxies whose first aliases collide: fnv1a32("proxy-qarh.0") ==
# fnv1a32("proxy-vvhvgdv.0") == 2559125120 (found by search).  FNV-1a
# states that agree before the last byte stay equal, so their ".1" aliases
# collide as well (2575902739), and so on.

redef Cluster::nodes = {
	["m"]             = [$node_type=Cluster::MANAGER, $ip=127.0.0.1, $p=47791/tcp],
	["proxy-qarh"]    = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47792/tcp, $manager="m"],
	["proxy-vvhvgdv"] = [$node_type=Cluster::PROXY,   $ip=127.0.0.1, $p=47793/tcp, $manager="m"],
};
