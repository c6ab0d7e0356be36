##! The file analysis framework's script interface: the per-file log
##! record, analyzer arguments, and the functions that reach the native
##! file analysis manager.  Files only ever arrive with packets, which
##! broscript does not read, so most of this is declared for the scripts
##! that name it.

@load base/bif/file_analysis.bif
@load base/frameworks/analyzer
@load base/frameworks/logging

module Files;

export {
	redef enum Log::ID += { LOG };

	## Arguments an analyzer is attached with.
	type AnalyzerArgs: record {
		chunk_event: event(f: fa_file, data: string, off: count) &optional;
		stream_event: event(f: fa_file, data: string) &optional;
	} &redef;

	## One line of files.log.
	type Info: record {
		ts: time &log;
		fuid: string &log;
		tx_hosts: set[addr] &default=addr_set() &log;
		rx_hosts: set[addr] &default=addr_set() &log;
		conn_uids: set[string] &default=string_set() &log;
		source: string &log &optional;
		depth: count &default=0 &log;
		analyzers: set[string] &default=string_set() &log;
		mime_type: string &log &optional;
		filename: string &log &optional;
		duration: interval &log &default=0secs;
		local_orig: bool &log &optional;
		is_orig: bool &log &optional;
		seen_bytes: count &log &default=0;
		total_bytes: count &log &optional;
		missing_bytes: count &log &default=0;
		overflow_bytes: count &log &default=0;
		timedout: bool &log &default=F;
		parent_fuid: string &log &optional;
	} &redef;

	## Analyzers switched off for every file.
	const disable: table[Files::Tag] of bool = table() &redef;

	## Mixed into file identifiers.
	const salt = "I recommend changing this." &redef;

	## Whether analyzers registered for a MIME type are attached by it.
	const analyze_by_mime_type_automatically = T &redef;

	## Whether file data is reassembled.
	option enable_reassembler = T;

	## The reassembly buffer's size.
	const reassembly_buffer_size = 524288 &redef;

	global file_exists: function(fuid: string): bool;
	global lookup_file: function(fuid: string): fa_file;
	global enable_reassembly: function(f: fa_file);
	global disable_reassembly: function(f: fa_file);
	global set_reassembly_buffer_size: function(f: fa_file, max: count);
	global set_timeout_interval: function(f: fa_file, t: interval): bool;
	global add_analyzer: function(f: fa_file, tag: Files::Tag,
	                              args: AnalyzerArgs &default=AnalyzerArgs()): bool;
	global remove_analyzer: function(f: fa_file, tag: Files::Tag,
	                                 args: AnalyzerArgs &default=AnalyzerArgs()): bool;
	global stop: function(f: fa_file): bool;
	global analyzer_name: function(tag: Files::Tag): string;
	global describe: function(f: fa_file): string;

	## How a protocol analyzer names and describes its files.
	type ProtoRegistration: record {
		get_file_handle: function(c: connection, is_orig: bool): string;
		describe: function(f: fa_file): string
			&default=function(f: fa_file): string { return ""; };
	};

	global register_protocol: function(tag: Analyzer::Tag, reg: ProtoRegistration): bool;
	global register_analyzer_add_callback: function(tag: Files::Tag, callback: function(f: fa_file, args: AnalyzerArgs));
	global register_for_mime_types: function(tag: Files::Tag, mts: set[string]) : bool;
	global register_for_mime_type: function(tag: Files::Tag, mt: string) : bool;
	global registered_mime_types: function(tag: Files::Tag) : set[string];
	global all_registered_mime_types: function() : table[Files::Tag] of set[string];

	## Raised for each files.log line.
	global log_files: event(rec: Info);
}

redef record fa_file += {
	info: Info &optional;
};

global registered_protocols: table[Analyzer::Tag] of ProtoRegistration = table();
global mime_types: table[Files::Tag] of set[string];
global mime_type_to_analyzers: table[string] of set[Files::Tag];
global analyzer_add_callbacks: table[Files::Tag] of function(f: fa_file, args: AnalyzerArgs) = table();

event bro_init() &priority=5
	{
	Log::create_stream(Files::LOG, [$columns=Info, $ev=log_files, $path="files"]);
	}

function file_exists(fuid: string): bool
	{
	return __file_exists(fuid);
	}

function lookup_file(fuid: string): fa_file
	{
	return __lookup_file(fuid);
	}

function set_timeout_interval(f: fa_file, t: interval): bool
	{
	return __set_timeout_interval(f$id, t);
	}

function enable_reassembly(f: fa_file)
	{
	__enable_reassembly(f$id);
	}

function disable_reassembly(f: fa_file)
	{
	__disable_reassembly(f$id);
	}

function set_reassembly_buffer_size(f: fa_file, max: count)
	{
	__set_reassembly_buffer(f$id, max);
	}

function add_analyzer(f: fa_file, tag: Files::Tag, args: AnalyzerArgs): bool
	{
	if ( tag in disable && disable[tag] )
		return F;
	if ( ! __add_analyzer(f$id, tag, args) )
		return F;
	if ( tag in analyzer_add_callbacks )
		analyzer_add_callbacks[tag](f, args);
	return T;
	}

function remove_analyzer(f: fa_file, tag: Files::Tag, args: AnalyzerArgs): bool
	{
	return __remove_analyzer(f$id, tag, args);
	}

function stop(f: fa_file): bool
	{
	return __stop(f$id);
	}

function analyzer_name(tag: Files::Tag): string
	{
	return __analyzer_name(tag);
	}

function register_protocol(tag: Analyzer::Tag, reg: ProtoRegistration): bool
	{
	local fresh = tag !in registered_protocols;
	registered_protocols[tag] = reg;
	return fresh;
	}

function register_analyzer_add_callback(tag: Files::Tag, callback: function(f: fa_file, args: AnalyzerArgs))
	{
	analyzer_add_callbacks[tag] = callback;
	}

function register_for_mime_type(tag: Files::Tag, mt: string): bool
	{
	if ( tag !in mime_types )
		mime_types[tag] = set();
	add mime_types[tag][mt];
	if ( mt !in mime_type_to_analyzers )
		mime_type_to_analyzers[mt] = set();
	add mime_type_to_analyzers[mt][tag];
	return T;
	}

function register_for_mime_types(tag: Files::Tag, mts: set[string]): bool
	{
	local ok = T;
	for ( mt in mts )
		if ( ! register_for_mime_type(tag, mt) )
			ok = F;
	return ok;
	}

function registered_mime_types(tag: Files::Tag): set[string]
	{
	return tag in mime_types ? mime_types[tag] : set();
	}

function all_registered_mime_types(): table[Files::Tag] of set[string]
	{
	return mime_types;
	}

function describe(f: fa_file): string
	{
	local tag = Analyzer::get_tag(f$source);
	if ( tag !in registered_protocols )
		return "";
	return registered_protocols[tag]$describe(f);
	}
