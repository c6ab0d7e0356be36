# ARGS: -b --simulate all
# Remote logging (bifs/logging-input.md §1.10, cluster.md §2.8): the worker
# logs locally nothing (Log::enable_local_logging = F on a worker); each of
# its rows goes to Broker::log_topic = Cluster::rr_log_topic, the logger
# pool's next node in turn: logger-1 gets the odd rows, logger-2 the even
# ones, and each writes them into its own test.log.  The row written in
# bro_init, before the worker has any peer, reaches nobody (G8); the writer
# it made is announced to each logger when the peering comes up, so both
# loggers have a test.log.  The manager (not the logger here) writes nothing.
@load base/frameworks/cluster

module Test;

export {
	redef enum Log::ID += { LOG };
	type Info: record {
		num: count &log;
		node: string &log;
	};
}

event bro_init() &priority=4
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	# Only this test's rows travel: the framework's own cluster.log and
	# broker.log rows would take turns of the round robin too (cluster.md §6.2 T8).
	Log::disable_stream(Cluster::LOG);
	Log::disable_stream(Broker::LOG);
	if ( Cluster::node == "worker-1" )
		Log::write(Test::LOG, [$num=0, $node="nobody hears this"]);
	}

global sent = F;

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node != "worker-1" || sent || Cluster::logger_pool$alive_count < 2 )
		return;

	sent = T;
	local i = 0;
	while ( ++i <= 10 )
		Log::write(Test::LOG, [$num=i, $node=Cluster::node]);
	terminate();
	}

event Cluster::node_down(name: string, id: string)
	{
	print fmt("%s is down", name);
	}
