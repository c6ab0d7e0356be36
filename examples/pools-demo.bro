##! Cluster pools at work: how each node of a cluster spreads keys over
##! the proxies, by rendezvous hashing (hrw_topic) and by round robin
##! (rr_topic), and what happens when a proxy goes away.
##!
##! Every node runs this same script, with the layout of
##! ./cluster-layout.bro (one logger, one manager, three proxies, four
##! workers): run it with broscript's multi-node simulation from this
##! directory.  proxy-2 stops itself ten seconds after the start; the
##! nodes peered with it see node_down and print which keys moved.

@load base/frameworks/cluster

const demo_keys = vector("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");

# Where each key went before the latest change, by key.
global owner_before: table[string] of string;

global shown_distribution = F;

global stop_proxy2: event();

function say(msg: string)
	{
	print fmt("%s: %s", Cluster::node, msg);
	}

# "proxy-2" for "bro/cluster/node/proxy-2"; "nobody" for "".
function short(topic: string): string
	{
	for ( name in Cluster::nodes )
		if ( Cluster::node_topic(name) == topic )
			return name;

	return "nobody";
	}

function round_robin(n: count): string
	{
	local s = "";
	local i = 0;

	while ( i < n )
		{
		s += (i > 0 ? " " : "") + short(Cluster::rr_topic(Cluster::proxy_pool, "demo"));
		++i;
		}

	return s;
	}

function show_distribution()
	{
	say(fmt("all %d proxies are up here; rendezvous hashing sends", Cluster::proxy_pool$alive_count));

	for ( i in demo_keys )
		{
		local k = demo_keys[i];
		say(fmt("  %-5s -> %s", k, short(Cluster::hrw_topic(Cluster::proxy_pool, k))));
		}

	say(fmt("round robin (key \"demo\"): %s", round_robin(6)));
	}

event bro_init() &priority=-20
	{
	if ( ! Cluster::is_enabled() )
		{
		print "pools-demo: not a cluster node.  Run every node of ./cluster-layout.bro with";
		print "broscript's multi-node simulation (or one of them with CLUSTER_NODE=<name>).";
		return;
		}

	local members = "";

	for ( i in Cluster::proxy_pool$node_list )
		{
		local pn = Cluster::proxy_pool$node_list[i];
		members += fmt("%s%s (site %s)", i > 0 ? ", " : "", pn$name, pn$site_id);
		}

	say(fmt("%s; proxy_pool = %s", Cluster::local_node_type(), members));

	if ( Cluster::local_node_type() == Cluster::PROXY )
		{
		say("proxies do not peer with each other, so the only proxy alive here is me,");
		say(fmt("  and a node is never an HRW site of its own pools: hrw_topic gives %s,",
		        short(Cluster::hrw_topic(Cluster::proxy_pool, "alice"))));
		say(fmt("  rr_topic gives %s", round_robin(3)));
		}

	if ( Cluster::node == "proxy-2" )
		schedule 10sec { stop_proxy2() };
	}

event stop_proxy2()
	{
	say("stopping now");
	terminate();
	}

event Cluster::node_up(name: string, id: string)
	{
	# The framework's handler (priority 10) has marked the node alive.
	if ( shown_distribution || Cluster::local_node_type() == Cluster::PROXY )
		return;

	if ( Cluster::proxy_pool$alive_count == |Cluster::proxy_pool$node_list| )
		{
		shown_distribution = T;
		show_distribution();
		}
	}

event Cluster::node_down(name: string, id: string) &priority=20
	{
	# Still before the framework's handler: the old assignment.
	for ( i in demo_keys )
		owner_before[demo_keys[i]] = short(Cluster::hrw_topic(Cluster::proxy_pool, demo_keys[i]));
	}

event Cluster::node_down(name: string, id: string)
	{
	if ( name !in Cluster::proxy_pool$nodes )
		return;

	say(fmt("%s is down; %d proxies left alive here.  Only its keys move:", name,
	        Cluster::proxy_pool$alive_count));

	for ( i in demo_keys )
		{
		local k = demo_keys[i];
		local now = short(Cluster::hrw_topic(Cluster::proxy_pool, k));

		if ( now == owner_before[k] )
			say(fmt("  %-5s -> %s", k, now));
		else
			say(fmt("  %-5s -> %s  (was %s)", k, now, owner_before[k]));
		}

	say(fmt("round robin (key \"demo\") skips it: %s", round_robin(6)));
	}
