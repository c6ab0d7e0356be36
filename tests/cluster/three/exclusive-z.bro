# cluster.md §2.11, third example, and what exclusivity means when the
# member dies.  The exclusive pool "bro/cluster/pool/z" (max 1) is filled
# first although it sorts last: z = [p-1], and proxy_pool gets what is
# left, [p-2, p-3].  Membership never changes at run time, so once p-1 is
# down z has nobody alive: hrw_topic and rr_topic on z return "" although
# p-2 and p-3 are up.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

global z_pool: Cluster::Pool;

global step2: event();
global step3: event();

event bro_init()
	{
	z_pool = Cluster::register_pool([$topic = "bro/cluster/pool/z", $max_nodes = 1,
	                                 $exclusive = T]);
	}

event bro_init() &priority=-20
	{
	print fmt("z_pool      %s", pool_members(z_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	event Cluster::node_up("p-1", "P1");
	event Cluster::node_up("p-2", "P2");
	event Cluster::node_up("p-3", "P3");
	event step2();
	}

event step2()
	{
	show_hrw_strings("z_pool", z_pool, vector("one", "two", "three"));
	print fmt("rr_topic(z_pool) x2: %s", rr_seq(z_pool, "", 2));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two", "three"));
	event Cluster::node_down("p-1", "P1");
	event step3();
	}

event step3()
	{
	print "-- p-1 down";
	print fmt("z_pool      %s", pool_members(z_pool));
	show_hrw_strings("z_pool", z_pool, vector("one", "two", "three"));
	print fmt("rr_topic(z_pool) x2: %s", rr_seq(z_pool, "", 2));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two", "three"));
	terminate();
	}
