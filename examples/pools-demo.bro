##! Cluster pools at work: the manager spreads keys over the proxies by
##! rendezvous hashing (Cluster::publish_hrw) and by round robin
##! (Cluster::publish_rr); each proxy says what reached it.  Ten seconds in,
##! proxy-2 stops; the manager sees node_down, and only proxy-2's keys move.
##!
##! Every node runs this same script with the layout of cluster-layout.bro
##! (one logger, one manager, three proxies, four workers):
##!
##!     broscript --simulate all --layout examples/cluster-layout.bro examples/pools-demo.bro
##!
##! It also logs where each key went, one row per placement, into pool.log:
##! the manager writes the rows, and as in a real cluster they travel to the
##! logger, which writes the file.  Add --node-output DIR to get each node's
##! directory, with the logger's DIR/logger/pool.log.

module Pool;

export {
	redef enum Log::ID += { LOG };

	## One key placed on a node of a pool.
	type Info: record {
		ts:   time   &log;	##< when (the simulation's clock)
		key:  string &log;
		node: string &log;	##< where it went
		pool: string &log;
		why:  string &log;	##< first placement, or which node went away
	};
}

module GLOBAL;

const demo_keys = vector("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");

# Each key's proxy before the latest change.
global owner: table[string] of string;

global store: event(key: string, why: string);
global job: event(n: count);
global stop_proxy2: event();

# "proxy-2" for "bro/cluster/node/proxy-2"; "nobody" for "".
function short(topic: string): string
	{
	for ( name in Cluster::nodes )
		if ( Cluster::node_topic(name) == topic )
			return name;

	return "nobody";
	}

function spread(why: string)
	{
	for ( i in demo_keys )
		{
		local k = demo_keys[i];
		local to = short(Cluster::hrw_topic(Cluster::proxy_pool, k));

		if ( k in owner && owner[k] == to )
			next;

		print fmt("%-5s -> %s%s", k, to, k in owner ? fmt("  (was %s)", owner[k]) : "");
		owner[k] = to;
		Cluster::publish_hrw(Cluster::proxy_pool, k, store, k, why);
		Log::write(Pool::LOG, [$ts=network_time(), $key=k, $node=to, $pool="proxy_pool", $why=why]);
		}
	}

event store(key: string, why: string)
	{
	print fmt("storing %s (%s)", key, why);
	}

event job(n: count)
	{
	print fmt("round-robin job %d", n);
	}

event bro_init()
	{
	Log::create_stream(Pool::LOG, [$columns=Pool::Info]);

	if ( ! Cluster::is_enabled() )
		{
		print "pools-demo is a cluster script: run it with --simulate (see its header)";
		return;
		}

	if ( Cluster::node == "proxy-2" )
		schedule 10sec { stop_proxy2() };
	}

event stop_proxy2()
	{
	print "stopping now";
	terminate();
	}

event Cluster::node_up(name: string, id: string)
	{
	# The framework's handler (priority 10) has marked the node alive.
	if ( Cluster::node != "manager" || name !in Cluster::proxy_pool$nodes ||
	     Cluster::proxy_pool$alive_count < |Cluster::proxy_pool$node_list| )
		return;

	print fmt("all %d proxies are up; rendezvous hashing sends", Cluster::proxy_pool$alive_count);
	spread("first placement");

	local n = 0;
	while ( ++n <= 6 )
		Cluster::publish_rr(Cluster::proxy_pool, "demo", job, n);
	}

event Cluster::node_down(name: string, id: string)
	{
	if ( Cluster::node != "manager" || name !in Cluster::proxy_pool$nodes )
		return;

	print fmt("%s is down, %d proxies left; only its keys move:", name,
	          Cluster::proxy_pool$alive_count);
	spread(fmt("%s went away", name));

	local n = 6;
	while ( ++n <= 10 )
		Cluster::publish_rr(Cluster::proxy_pool, "demo", job, n);
	}
