##! The part of Bro's Broker logging that the cluster framework touches:
##! the broker log stream (path "broker"), created at ``bro_init``
##! priority 5, and its entries for peering events.  With the no-op
##! logging stand-ins of base/frameworks/logging the entries go nowhere;
##! they exist so that an interpreter emulating remote logging sees the
##! same writes as Bro does (cluster.md §2.8, §6.2 T8).

@load ./main

module Broker;

export {
	redef enum Log::ID += { LOG };

	## The kind of a broker log entry.
	type Type: enum {
		## A change in a peering.
		STATUS,
		## An error.
		ERROR,
	};

	## A broker log entry.
	type Info: record {
		## When it happened.
		ts: time &log;
		## The kind of entry.
		ty: Type &log;
		## The event that caused it.
		ev: string &log;
		## The peer concerned.
		peer: NetworkInfo &log &optional;
		## The status or error message.
		message: string &log &optional;
	};
}

event bro_init() &priority=5
	{
	Log::create_stream(Broker::LOG, [$columns=Info, $path="broker"]);
	}

function log_status(ev: string, endpoint: EndpointInfo, msg: string)
	{
	local r = Info($ts = network_time(), $ty = STATUS, $ev = ev, $message = msg);

	if ( endpoint?$network )
		r$peer = endpoint$network;

	Log::write(Broker::LOG, r);
	}

event Broker::peer_added(endpoint: EndpointInfo, msg: string)
	{
	log_status("peer-added", endpoint, msg);
	}

event Broker::peer_removed(endpoint: EndpointInfo, msg: string)
	{
	log_status("peer-removed", endpoint, msg);
	}

event Broker::peer_lost(endpoint: EndpointInfo, msg: string)
	{
	log_status("peer-lost", endpoint, msg);
	}
