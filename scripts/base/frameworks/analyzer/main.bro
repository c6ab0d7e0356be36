##! The analyzer framework's script interface: enabling, disabling and
##! scheduling protocol analyzers by their :bro:type:`Analyzer::Tag`.
##! broscript reads no packets, so the analyzers themselves never run; the
##! interface exists so that scripts written for Bro load and run.

module Analyzer;

export {
	## Whether every analyzer starts disabled.
	global disable_all = F &redef;

	## Enables an analyzer.
	global enable_analyzer: function(tag: Analyzer::Tag) : bool;

	## Disables an analyzer.
	global disable_analyzer: function(tag: Analyzer::Tag) : bool;

	## Registers an analyzer for each of a set of well-known ports.
	global register_for_ports: function(tag: Analyzer::Tag, ports: set[port]) : bool;

	## Registers an analyzer for one well-known port.
	global register_for_port: function(tag: Analyzer::Tag, p: port) : bool;

	## The ports registered for an analyzer.
	global registered_ports: function(tag: Analyzer::Tag) : set[port];

	## Every analyzer's registered ports.
	global all_registered_ports: function() : table[Analyzer::Tag] of set[port];

	## An analyzer's name.
	global name: function(tag: Analyzer::Tag) : string;

	## The tag of the analyzer named *name*.
	global get_tag: function(name: string): Analyzer::Tag;

	## Expects a connection and attaches an analyzer to it when it comes.
	global schedule_analyzer: function(orig: addr, resp: addr, resp_p: port,
	                                   analyzer: Analyzer::Tag, tout: interval) : bool;

	## The analyzers disabled at start-up.
	global disabled_analyzers: set[Analyzer::Tag] = {
		ANALYZER_INTERCONN,
		ANALYZER_STEPPINGSTONE,
		ANALYZER_BACKDOOR,
		ANALYZER_TCPSTATS,
	} &redef;
}

@load base/bif/analyzer.bif

global ports: table[Analyzer::Tag] of set[port];

event bro_init() &priority=5
	{
	if ( disable_all )
		__disable_all_analyzers();
	for ( tag in disabled_analyzers )
		disable_analyzer(tag);
	}

function enable_analyzer(tag: Analyzer::Tag) : bool
	{
	return __enable_analyzer(tag);
	}

function disable_analyzer(tag: Analyzer::Tag) : bool
	{
	return __disable_analyzer(tag);
	}

function register_for_ports(tag: Analyzer::Tag, ports: set[port]) : bool
	{
	local ok = T;
	for ( p in ports )
		if ( ! register_for_port(tag, p) )
			ok = F;
	return ok;
	}

function register_for_port(tag: Analyzer::Tag, p: port) : bool
	{
	if ( ! __register_for_port(tag, p) )
		return F;
	if ( tag !in ports )
		ports[tag] = set();
	add ports[tag][p];
	return T;
	}

function registered_ports(tag: Analyzer::Tag) : set[port]
	{
	return tag in ports ? ports[tag] : set();
	}

function all_registered_ports(): table[Analyzer::Tag] of set[port]
	{
	return ports;
	}

function name(tag: Analyzer::Tag) : string
	{
	return __name(tag);
	}

function get_tag(name: string): Analyzer::Tag
	{
	return __tag(name);
	}

function schedule_analyzer(orig: addr, resp: addr, resp_p: port,
                           analyzer: Analyzer::Tag, tout: interval) : bool
	{
	return __schedule_analyzer(orig, resp, resp_p, analyzer, tout);
	}
