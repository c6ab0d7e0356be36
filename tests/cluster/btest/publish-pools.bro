# ARGS: --simulate all
# cluster.md §4.6: Cluster::publish_hrw and publish_rr publish to the topic
# that hrw_topic / rr_topic choose, and return F (publishing nothing) when
# it is "".  The manager publishes once both proxies are up; each proxy
# prints what reached it, in the manager's publishing order (G2).  Which
# proxy a key goes to follows hashing.md §7 (the same sites as tests/
# cluster/std: keys 0, 2, 3 go to proxy-1; 13, 37, 42, 101 to proxy-2);
# the round robin walks node_list [proxy-1, proxy-2] (§2.7).  Nothing
# calls terminate(): once the network is quiet every node shuts down
# together (§6.3 c) and prints its bro_done line.
global proxies_up = 0;

global got_hrw: event(key: count, sender: string);
global got_rr: event(n: count, sender: string);

event got_hrw(key: count, sender: string)
	{
	print fmt("got_hrw %s from %s, remote=%s", key, sender, is_remote_event());
	}

event got_rr(n: count, sender: string)
	{
	print fmt("got_rr %s from %s, remote=%s", n, sender, is_remote_event());
	}

event bro_init()
	{
	# before any peering nobody is reached, and publishing still succeeds;
	# at priority 0 the pools have no members yet (§2.3), so there is no
	# topic to publish to
	print fmt("bro_init: publish=%s", Broker::publish(Cluster::proxy_topic, got_rr, 99, Cluster::node));
	print fmt("bro_init: publish_rr=%s", Cluster::publish_rr(Cluster::proxy_pool, "k", got_rr, 99, Cluster::node));
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node != "manager-1" || name !in Cluster::proxy_pool$nodes )
		return;

	if ( ++proxies_up < 2 )
		return;

	local keys = vector(0, 2, 13, 37, 3, 42, 101);

	for ( i in keys )
		print fmt("hrw %s -> %s", keys[i],
		          Cluster::publish_hrw(Cluster::proxy_pool, keys[i], got_hrw, keys[i], Cluster::node));

	local n = 0;

	while ( n < 4 )
		{
		print fmt("rr %s -> %s", n, Cluster::publish_rr(Cluster::proxy_pool, "test-key", got_rr, n, Cluster::node));
		++n;
		}

	# the logger pool holds the manager alone (manager_is_logger), which
	# is never an HRW site of its own pools (§2.10): nowhere to publish
	print fmt("logger pool hrw -> %s", Cluster::publish_hrw(Cluster::logger_pool, 1, got_hrw, 1, Cluster::node));
	}

event bro_done()
	{
	print fmt("bro_done %s", Cluster::node);
	}
