# ARGS: -b --simulate all
# What a logger does with rows it receives (bifs/logging-input.md §1.10):
# a stream it does not have (Other::LOG exists on the worker alone) gets
# no file; a stream it has disabled (logger-2's Test::LOG) gets its writer,
# so a file with a header, but no rows.  Each row goes to one logger in
# turn (Cluster::rr_log_topic, one round robin for all streams): logger-1
# gets Test rows 1 and 2, logger-2 the Other row and Test row 3, and drops
# both.  Rows keep the sender's columns: the worker's filter renames a
# field, and leaves out what has no &log.
@load base/frameworks/cluster

module Test;

export {
	redef enum Log::ID += { LOG, OTHER };
	type Info: record {
		num: count &log;
		tags: set[string] &log;
		secret: string &optional;
	};
}

event bro_init() &priority=4
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::disable_stream(Cluster::LOG);
	Log::disable_stream(Broker::LOG);
	if ( Cluster::node == "worker-1" )
		{
		Log::create_stream(Test::OTHER, [$columns=Info, $path="other"]);
		Log::remove_default_filter(Test::LOG);
		Log::add_filter(Test::LOG, [$name="renamed", $path="test", $field_name_map=table(["num"] = "number")]);
		}
	if ( Cluster::node == "logger-2" )
		Log::disable_stream(Test::LOG);
	}

global sent = F;

event Cluster::node_up(name: string, id: string)
	{
	if ( Cluster::node != "worker-1" || sent || Cluster::logger_pool$alive_count < 2 )
		return;

	sent = T;
	# to logger-1, logger-2, logger-1, logger-2 in turn
	Log::write(Test::LOG, [$num=1, $tags=set("t1"), $secret="not logged"]);
	Log::write(Test::OTHER, [$num=1, $tags=set()]);
	Log::write(Test::LOG, [$num=2, $tags=set("t2")]);
	Log::write(Test::LOG, [$num=3, $tags=set()]);
	terminate();
	}
