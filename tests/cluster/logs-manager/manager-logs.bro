# ARGS: -b --simulate all
# With no logger the manager logs (cluster.md §0, §2.3 step 3): it writes
# its own row locally, and each other node's row reaches it through
# Cluster::rr_log_topic, whose logger pool holds the manager alone; the
# rows arrive in the order the nodes heard the manager's hello (the
# schedule of cluster.md §6.3: p-1, w-1, w-2).  Nobody else writes a file.
@load base/frameworks/cluster

module Test;

export {
	redef enum Log::ID += { LOG };
	type Info: record {
		node: string &log;
		peers: count &log;
		pools: set[string] &log;
		note: string &log &optional;
	};
}

event bro_init() &priority=4
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::disable_stream(Cluster::LOG);
	Log::disable_stream(Broker::LOG);
	if ( Cluster::node == "m" )
		Log::write(Test::LOG, [$node=Cluster::node, $peers=0, $pools=set("logger"),
		                       $note="written before any peering"]);
	}

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node == "m" || name != "m" )
		return;

	local pools: set[string];
	if ( Cluster::node in Cluster::proxy_pool$nodes )
		add pools["proxy"];
	if ( Cluster::node in Cluster::worker_pool$nodes )
		add pools["worker"];
	Log::write(Test::LOG, [$node=Cluster::node, $peers=|Broker::peers()|, $pools=pools]);
	if ( Cluster::local_node_type() == Cluster::WORKER )
		terminate();
	}
