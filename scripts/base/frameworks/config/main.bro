##! The config framework: changes the values of ``option`` globals while
##! Bro runs and writes every change to config.log
##! (bifs/logging-input.md Part 3).  In a cluster the manager is the one
##! that logs, and a change made anywhere reaches every node.

@load base/frameworks/cluster

module Config;

export {
	## The config.log stream.
	redef enum Log::ID += { LOG };

	## One row of config.log: one change of one option.
	type Info: record {
		## When the option changed.
		ts: time &log;
		## The option's name.
		id: string &log;
		## Its value before the change.
		old_value: string &log;
		## Its value after the change.
		new_value: string &log;
		## Where the change came from (a file name, for instance).
		location: string &optional &log;
	};

	## Raised with every row written to config.log.
	global log_config: event(rec: Info);

	## Gives the option *ID* the value *val*, through its change handlers,
	## and in a cluster on every node.  *location* says where the change
	## came from.  Returns F if :bro:see:`Option::set` refused the value
	## on this node.
	global set_value: function(ID: string, val: any, location: string &default = "" &optional): bool;
}

@if ( Cluster::is_enabled() )
# What the manager hands to a node that joins later: the latest value of
# every option changed so far, with where it came from.
type OptionCacheValue: record {
	val: any;
	location: string;
};

global option_cache: table[string] of OptionCacheValue;

# Carries one change between nodes.
global Config::cluster_set_option: event(ID: string, val: any, location: string);

# Sends a change to every kind of node but the manager.  One publish per
# node type: a shared topic with Broker's implicit forwarding would send
# the change round in circles.
function broadcast_option(ID: string, val: any, location: string)
	{
	Broker::publish(Cluster::worker_topic, Config::cluster_set_option, ID, val, location);
	Broker::publish(Cluster::proxy_topic, Config::cluster_set_option, ID, val, location);
	Broker::publish(Cluster::logger_topic, Config::cluster_set_option, ID, val, location);
	}

event Config::cluster_set_option(ID: string, val: any, location: string)
	{
@if ( Cluster::local_node_type() == Cluster::MANAGER )
	option_cache[ID] = OptionCacheValue($val=val, $location=location);
	broadcast_option(ID, val, location);
@endif
	Option::set(ID, val, location);
	}

function set_value(ID: string, val: any, location: string &default = "" &optional): bool
	{
	# A copy, so that the caller changing its value later does not change
	# the option behind the change handlers' back.  (The names are Bro's:
	# Option::set's error messages quote the call.)
	val = copy(val);

	if ( ! Option::set(ID, val, location) )
		return F;

@if ( Cluster::local_node_type() == Cluster::MANAGER )
	option_cache[ID] = OptionCacheValue($val=val, $location=location);
	broadcast_option(ID, val, location);
@else
	Broker::publish(Cluster::manager_topic, Config::cluster_set_option, ID, val, location);
@endif
	return T;
	}

@if ( Cluster::local_node_type() == Cluster::MANAGER )
# A node that comes up gets every change made before it was there.
event Cluster::node_up(name: string, id: string) &priority=-10
	{
	if ( name !in Cluster::nodes )
		return;

	for ( opt in option_cache )
		Broker::publish(Cluster::node_topic(name), Config::cluster_set_option,
		                opt, option_cache[opt]$val, option_cache[opt]$location);
	}
@endif

@else
function set_value(ID: string, val: any, location: string &default = "" &optional): bool
	{
	return Option::set(ID, val, location);
	}
@endif

# The text config.log shows for a value: set and vector elements each
# through cat and joined with ",", a string as it is, anything else
# through cat (so an interval read from a file shows "60.0" while one
# declared in a script shows "1.0 sec").
function format_value(value: any): string
	{
	local tn = type_name(value);
	local parts: string_vec = vector();

	if ( /^set/ in tn )
		{
		# Any set can be walked as a set of one index: the loop variable
		# then holds each element whatever its type.
		local elems: set[bool] = value;
		for ( e in elems )
			parts += cat(e);
		return join_string_vec(parts, ",");
		}

	if ( /^vector/ in tn )
		{
		local items: vector of any = value;
		for ( i in items )
			parts += cat(items[i]);
		return join_string_vec(parts, ",");
		}

	if ( tn == "string" )
		return value;

	return cat(value);
	}

# The change handler of every option: writes the change to config.log and
# lets the new value through unchanged.  Its low priority makes it see
# the value every other handler agreed on.
function config_option_changed(ID: string, new_value: any, location: string): any
	{
	local rec = Info($ts=network_time(), $id=ID,
	                 $old_value=format_value(lookup_ID(ID)),
	                 $new_value=format_value(new_value));
	if ( location != "" )
		rec$location = location;
	Log::write(LOG, rec);
	return new_value;
	}

event bro_init() &priority=10
	{
	Log::create_stream(LOG, [$columns=Info, $ev=log_config, $path="config"]);

@if ( ! Cluster::is_enabled() || Cluster::local_node_type() == Cluster::MANAGER )
	# Only the manager logs; the other nodes get their changes from it.
	local ids = global_ids();
	for ( name in ids )
		if ( ids[name]$option_value )
			Option::set_change_handler(name, config_option_changed, -100);
@endif
	}
