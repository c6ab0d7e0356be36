##! The part of Bro's logging framework that the cluster framework needs,
##! and nothing more: the :bro:type:`Log::ID` enum that log streams extend,
##! the stream description, the two local/remote switches that the cluster
##! node scripts set, and no-op stand-ins for creating streams and writing.
##!
##! broscript writes no log files.  The stand-ins accept every call so that
##! framework scripts run unchanged (cluster.md §5: "Stub (no-op) is
##! acceptable").  An interpreter that emulates logging (for example remote
##! logging through :bro:see:`Broker::log_topic`, cluster.md §2.8) would make
##! them call its own builtins.

module Log;

export {
	## Identifies a log stream.  Each framework adds its own value with
	## ``redef enum Log::ID += { LOG };``.
	type ID: enum {
		## A placeholder; no stream uses it.
		UNKNOWN
	};

	## How a stream is created.
	type Stream: record {
		## The record type of the stream's entries.
		columns: any;
		## An event raised for every entry written (optional).
		ev: any &optional;
		## The default log path of the stream.
		path: string &optional;
	};

	## Whether this node writes its logs locally.
	const enable_local_logging = T &redef;

	## Whether this node sends its logs to remote peers.
	const enable_remote_logging = T &redef;

	## Creates a log stream.  broscript: accepts the call and does nothing.
	##
	## id: the stream's identifier.
	##
	## stream: the stream's description.
	##
	## Returns: always T.
	global create_stream: function(id: ID, stream: Stream): bool;

	## Writes an entry to a log stream.  broscript: accepts the call and
	## does nothing.
	##
	## id: the stream's identifier.
	##
	## columns: the entry, a record of the stream's column type.
	##
	## Returns: always T.
	global write: function(id: ID, columns: any): bool;
}

function create_stream(id: ID, stream: Stream): bool
	{
	return T;
	}

function write(id: ID, columns: any): bool
	{
	return T;
	}
