##! The logging framework's script interface (bifs/logging-input.md §0):
##! streams, filters and their defaults, over the logging.bif builtins.
##!
##! Entries written with :bro:id:`Log::write` go through each filter of the
##! stream to its writer (ASCII files by default), as in Bro.

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

	## The path a filter without one writes to: its own path if given,
	## else one made from the stream's ID (``Foo::LOG`` gives ``foo``).
	global default_path_func: function(id: ID, path: string, rec: any) : string &redef;

	## Creates a log stream and gives it the "default" filter.
	global create_stream: function(id: ID, stream: Stream) : bool;

	## Removes a stream and its filters.
	global remove_stream: function(id: ID) : bool;

	## Makes writes to a stream take effect again.
	global enable_stream: function(id: ID) : bool;

	## Makes writes to a stream do nothing.
	global disable_stream: function(id: ID) : bool;

	## Adds a filter to a stream, or replaces the one of the same name.
	global add_filter: function(id: ID, filter: Filter) : bool;

	## Removes a stream's filter.
	global remove_filter: function(id: ID, name: string) : bool;

	## The names of a stream's filters.
	global get_filter_names: function(id: ID) : set[string];

	## A stream's filter, or :bro:id:`Log::no_filter`.
	global get_filter: function(id: ID, name: string) : Filter;

	## Writes an entry to a stream.
	global write: function(id: ID, columns: any) : bool;

	## Sets whether a stream's writers buffer.
	global set_buf: function(id: ID, buffered: bool): bool;

	## Flushes a stream's writers.
	global flush: function(id: ID): bool;

	## Adds the "default" filter to a stream.
	global add_default_filter: function(id: ID) : bool;

	## Removes a stream's "default" filter.
	global remove_default_filter: function(id: ID) : bool;

	## Runs :bro:id:`Log::default_rotation_postprocessor_cmd` on a rotated file.
	global run_rotation_postprocessor_cmd: function(info: RotationInfo, npath: string) : bool;

	## The streams that are enabled.
	global active_streams: table[ID] of Stream = table();
}

global all_streams: table[ID] of Stream = table();

global stream_filters: table[ID] of set[string] = table();

global filters: table[ID, string] of Filter;

@load base/bif/logging.bif

module Log;

function default_path_func(id: ID, path: string, rec: any) : string
	{
	if ( path != "" )
		return path;
	local name = cat(id);
	local parts = split_string1(name, /::/);
	if ( |parts| != 2 )
		return to_lower(name);
	local module_name = parts[0];
	local value = parts[1];
	if ( value == "LOG" )
		{
		# CamelCase module names become snake_case: HTTPServer -> http_server
		local words = split_string_n(module_name, /[^A-Z][A-Z][a-z]*/, T, 4);
		local out = 0 in words ? words[0] : "";
		if ( 1 in words && words[1] != "" )
			out = cat(out, sub_bytes(words[1], 1, 1), "_", sub_bytes(words[1], 2, |words[1]|));
		if ( 2 in words && words[2] != "" )
			out = cat(out, "_", words[2]);
		if ( 3 in words && words[3] != "" )
			out = cat(out, sub_bytes(words[3], 1, 1), "_", sub_bytes(words[3], 2, |words[3]|));
		return to_lower(out);
		}
	if ( /_LOG$/ in value )
		value = sub(value, /_LOG$/, "");
	return cat(to_lower(module_name), "_", to_lower(value));
	}

function run_rotation_postprocessor_cmd(info: RotationInfo, npath: string) : bool
	{
	if ( default_rotation_postprocessor_cmd == "" )
		return T;
	local writer = subst_string(to_lower(cat(info$writer)), "log::writer_", "");
	system(fmt("%s %s %s %s %s %d %s", default_rotation_postprocessor_cmd, npath, info$path,
	           strftime("%y-%m-%d_%H.%M.%S", info$open), strftime("%y-%m-%d_%H.%M.%S", info$close),
	           info$terminating, writer));
	return T;
	}

function create_stream(id: ID, stream: Stream) : bool
	{
	if ( ! __create_stream(id, stream) )
		return F;
	active_streams[id] = stream;
	all_streams[id] = stream;
	return add_default_filter(id);
	}

function remove_stream(id: ID) : bool
	{
	delete active_streams[id];
	delete all_streams[id];
	if ( id in stream_filters )
		{
		for ( name in stream_filters[id] )
			delete filters[id, name];
		delete stream_filters[id];
		}
	return __remove_stream(id);
	}

function disable_stream(id: ID) : bool
	{
	delete active_streams[id];
	return __disable_stream(id);
	}

function enable_stream(id: ID) : bool
	{
	if ( ! __enable_stream(id) )
		return F;
	if ( id in all_streams )
		active_streams[id] = all_streams[id];
	# Bro 2.6's own enable_stream ends here without a return value
	# (bifs/logging-input.md §0), which its callers see as a warning
	}

function add_filter(id: ID, filter: Filter) : bool
	{
	local stream = all_streams[id];
	if ( stream?$path && ! filter?$path )
		filter$path = stream$path;
	if ( ! filter?$path && ! filter?$path_func )
		filter$path_func = default_path_func;
	if ( ! __add_filter(id, filter) )
		return F;
	if ( id !in stream_filters )
		stream_filters[id] = set();
	add stream_filters[id][filter$name];
	filters[id, filter$name] = filter;
	return T;
	}

function remove_filter(id: ID, name: string) : bool
	{
	if ( id in stream_filters )
		delete stream_filters[id][name];
	delete filters[id, name];
	return __remove_filter(id, name);
	}

function get_filter(id: ID, name: string) : Filter
	{
	return [id, name] in filters ? filters[id, name] : no_filter;
	}

function get_filter_names(id: ID) : set[string]
	{
	return id in stream_filters ? stream_filters[id] : set();
	}

function write(id: ID, columns: any) : bool
	{
	return __write(id, columns);
	}

function set_buf(id: ID, buffered: bool): bool
	{
	return __set_buf(id, buffered);
	}

function flush(id: ID): bool
	{
	return __flush(id);
	}

function add_default_filter(id: ID) : bool
	{
	return add_filter(id, [$name="default"]);
	}

function remove_default_filter(id: ID) : bool
	{
	return remove_filter(id, "default");
	}

# The log manager calls this for a rotated file when the filter that made
# the writer has no postprocessor of its own (bifs/logging-input.md §1.6).
# A writer without an entry in default_rotation_postprocessors gets T, so
# that it goes on.
function __default_rotation_postprocessor(info: RotationInfo) : bool
	{
	if ( info$writer !in default_rotation_postprocessors )
		return T;
	return default_rotation_postprocessors[info$writer](info);
	}
