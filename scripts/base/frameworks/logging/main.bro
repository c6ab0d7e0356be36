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

	## The writer of a filter that names none.
	const default_writer = WRITER_ASCII &redef;

	## The ASCII writer's field separator.
	const separator = "\t" &redef;

	## Separator of set and vector elements.
	const set_separator = "," &redef;

	## What an empty field is written as.
	const empty_field = "(empty)" &redef;

	## What an unset field is written as.
	const unset_field = "-" &redef;

	## What a rotation postprocessor is told.
	type RotationInfo: record {
		writer: Writer;
		fname: string;
		path: string;
		open: time;
		close: time;
		terminating: bool;
	};

	## How often logs are rotated (0secs: never).
	const default_rotation_interval = 0secs &redef;

	## The date format of rotated file names.
	const default_rotation_date_format = "%Y-%m-%d-%H-%M-%S" &redef;

	## A shell command run on each rotated file.
	const default_rotation_postprocessor_cmd = "" &redef;

	## Per-writer rotation postprocessors.
	const default_rotation_postprocessors: table[Writer] of function(info: RotationInfo) : bool &redef;

	## How often alarm mails are sent (0secs: never).
	const default_mail_alarms_interval = 0secs &redef;

	## Field renames applied by every filter.
	const default_field_name_map: table[string] of string = table() &redef;

	## The separator of nested record field names.
	const default_scope_sep = "." &redef;

	## The prefix of extension fields.
	const Log::default_ext_prefix: string = "_" &redef;

	## The function giving extension fields (none by default).
	const Log::default_ext_func: function(path: string): any =
		function(path: string) { } &redef;

	## A filter: which entries of a stream go where, and how.
	type Filter: record {
		name: string;
		writer: Writer &default=default_writer;
		pred: function(rec: any): bool &optional;
		path: string &optional;
		path_func: function(id: ID, path: string, rec: any): string &optional;
		include: set[string] &optional;
		exclude: set[string] &optional;
		log_local: bool &default=enable_local_logging;
		log_remote: bool &default=enable_remote_logging;
		field_name_map: table[string] of string &default=default_field_name_map;
		scope_sep: string &default=default_scope_sep;
		ext_prefix: string &default=default_ext_prefix;
		ext_func: function(path: string): any &default=default_ext_func;
		interv: interval &default=default_rotation_interval;
		postprocessor: function(info: RotationInfo) : bool &optional;
		config: table[string] of string &default=table();
	};

	## What get_filter returns for a filter that does not exist.
	const no_filter: Filter = [$name="<not found>"];

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

@load base/bif/logging.bif

module Log;

function create_stream(id: ID, stream: Stream): bool
	{
	return T;
	}

function write(id: ID, columns: any): bool
	{
	return T;
	}
