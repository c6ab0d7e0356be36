# The pools as the manager of the standard layout sees them, and how
# hrw_topic and rr_topic follow proxies coming up and going down.  In a
# real cluster node_up/node_down come from the hello handshake and from
# lost peerings; here the test raises them itself (raising them is all the
# framework's handlers see either way).
@load base/frameworks/cluster/main
redef Cluster::node = "manager";
@load base/frameworks/cluster
@load ../pool-show

global ckeys = vector(0, 1, 2, 3, 13, 37, 42, 101);
global skeys = vector("one", "two", "three", "four", "five", "six");

global step2: event();
global step3: event();
global step4: event();
global step5: event();

event Cluster::node_up(name: string, id: string)
	{
	# Priority 0: the pools were updated at priority 10 already.
	print fmt("node_up %s (%s): proxy_pool alive_count=%s", name, id, Cluster::proxy_pool$alive_count);
	}

event Cluster::node_down(name: string, id: string)
	{
	print fmt("node_down %s (%s): proxy_pool alive_count=%s", name, id, Cluster::proxy_pool$alive_count);
	}

event bro_init() &priority=-20
	{
	print "-- membership (the manager is in none of its pools; manager_is_logger=F)";
	print fmt("logger_pool %s", pool_members(Cluster::logger_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	print fmt("worker_pool %s", pool_members(Cluster::worker_pool));
	print "-- nothing is alive yet";
	show_hrw_counts("proxy_pool", Cluster::proxy_pool, vector(42));
	print fmt("  rr_topic(proxy_pool) x2: %s", rr_seq(Cluster::proxy_pool, "", 2));
	print fmt("  rr_key_seq[\"\"] = %s", Cluster::proxy_pool$rr_key_seq[""]);
	print fmt("  rr_log_topic: %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"));
	print fmt("  Broker::log_topic: %s", Broker::log_topic(Cluster::LOG, "cluster"));

	event Cluster::node_up("logger", "L");
	event Cluster::node_up("proxy-1", "P1");
	event Cluster::node_up("proxy-2", "P2");
	event Cluster::node_up("proxy-3", "P3");
	event step2();
	}

event step2()
	{
	print "-- all three proxies up";
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	show_hrw_counts("proxy_pool", Cluster::proxy_pool, ckeys);
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, skeys);
	print fmt("  rr_topic(proxy_pool) x5: %s", rr_seq(Cluster::proxy_pool, "", 5));
	print fmt("  rr_topic(proxy_pool, \"other\") x2: %s", rr_seq(Cluster::proxy_pool, "other", 2));
	print fmt("  rr_log_topic x2: %s %s", Cluster::rr_log_topic(Cluster::LOG, "cluster"),
	          Broker::log_topic(Cluster::LOG, "cluster"));
	event Cluster::node_down("proxy-2", "P2");
	event step3();
	}

event step3()
	{
	print "-- proxy-2 down: only its keys move";
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	show_hrw_counts("proxy_pool", Cluster::proxy_pool, ckeys);
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, skeys);
	print fmt("  rr_topic(proxy_pool) x4: %s", rr_seq(Cluster::proxy_pool, "", 4));
	print fmt("  rr_topic(proxy_pool, \"other\") x2: %s", rr_seq(Cluster::proxy_pool, "other", 2));
	event Cluster::node_down("proxy-1", "P1");
	event Cluster::node_down("proxy-3", "P3");
	event step4();
	}

event step4()
	{
	print "-- no proxy alive";
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one"));
	print fmt("  rr_key_seq[\"\"] = %s", Cluster::proxy_pool$rr_key_seq[""]);
	print fmt("  rr_topic(proxy_pool) x2: %s", rr_seq(Cluster::proxy_pool, "", 2));
	print fmt("  rr_key_seq[\"\"] = %s", Cluster::proxy_pool$rr_key_seq[""]);
	event Cluster::node_up("proxy-2", "P2b");
	event step5();
	}

event step5()
	{
	print "-- proxy-2 back (a new incarnation)";
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one"));
	print fmt("  rr_topic(proxy_pool) x2: %s", rr_seq(Cluster::proxy_pool, "", 2));
	terminate();
	}
