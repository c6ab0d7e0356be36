# Site-id collisions resolved by alias (cluster.md §2.4, hashing.md §7):
# the node added second finds its "<name>.0" hash taken in that pool and
# moves on to "<name>.1".  Which node comes second depends on the pool.
# Sorted: a (max 2), b (max 1), logger, proxy, worker.  a takes both
# proxies from index 0, proxy-qarh first, and the cursor wraps to 0; b
# takes proxy-qarh (cursor 1); proxy_pool starts at proxy-vvhvgdv, so
# there proxy-qarh is the one with the ".1" alias.  Since the site ids
# differ, the same key can go to a different proxy in a and in proxy_pool.
@load base/frameworks/cluster/main
redef Cluster::node = "m";
@load base/frameworks/cluster
@load ../pool-show

global a_pool: Cluster::Pool;
global b_pool: Cluster::Pool;

global step2: event();

event bro_init()
	{
	a_pool = Cluster::register_pool([$topic = "bro/cluster/pool/a", $max_nodes = 2]);
	b_pool = Cluster::register_pool([$topic = "bro/cluster/pool/b", $max_nodes = 1]);
	}

event bro_init() &priority=-20
	{
	print fmt("a_pool      %s", pool_members(a_pool));
	print fmt("b_pool      %s", pool_members(b_pool));
	print fmt("proxy_pool  %s", pool_members(Cluster::proxy_pool));
	event Cluster::node_up("proxy-qarh", "Q");
	event Cluster::node_up("proxy-vvhvgdv", "V");
	event step2();
	}

event step2()
	{
	# Distinct site ids: both proxies are HRW sites of a and proxy_pool.
	print fmt("sites: a_pool %s, b_pool %s, proxy_pool %s", |a_pool$hrw_pool$sites|,
	          |b_pool$hrw_pool$sites|, |Cluster::proxy_pool$hrw_pool$sites|);
	show_hrw_strings("a_pool", a_pool, vector("one", "two", "three", "four", "five", "six"));
	show_hrw_strings("proxy_pool", Cluster::proxy_pool, vector("one", "two", "three", "four", "five", "six"));
	terminate();
	}
