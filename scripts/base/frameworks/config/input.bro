##! Config files for the config framework: each line ``NAME VALUE`` sets
##! the option NAME, read through the input framework's config reader
##! (bifs/logging-input.md §2.9.5, Part 3).

@load ./main
@load base/frameworks/cluster

module Config;

export {
	## Files read at start and again whenever they change (replace them
	## atomically, with ``mv``, rather than writing into them).  Which
	## value wins when two files set one option is not defined.
	const config_files: set[string] = {} &redef;

	## Reads *filename* once and applies its values; later changes to the
	## file are not followed.
	global read_config: function(filename: string);
}

# The option texts of the last read of the config_files: the table that
# their streams fill.
global current_config: table[string] of string = table();

# Index and value of current_config's streams: the option name, then its
# value text.
type ConfigItem: record {
	option_nv: string;
};

# One line of a file given to read_config.
type EventFields: record {
	option_name: string;
	option_val: string;
};

# read_config's stream needs an event; the values arrive through
# InputConfig::new_value instead.
event config_line(description: Input::EventDescription, tpe: Input::Event, p: EventFields)
	{
	}

event bro_init() &priority=5
	{
	# In a cluster only the manager reads; it passes the changes on.
	if ( Cluster::is_enabled() && Cluster::local_node_type() != Cluster::MANAGER )
		return;

	for ( f in config_files )
		Input::add_table([$reader=Input::READER_CONFIG, $mode=Input::REREAD,
		                  $source=f, $name=cat("config-", f),
		                  $idx=ConfigItem, $val=ConfigItem, $want_record=F,
		                  $destination=current_config]);
	}

event InputConfig::new_value(name: string, source: string, id: string, value: any)
	{
	# The config reader serves other streams too: act only on ours.
	if ( sub_bytes(name, 1, 15) != "config-oneshot-" && source !in config_files )
		return;

	Config::set_value(id, value, source);
	}

function read_config(filename: string)
	{
	if ( Cluster::is_enabled() && Cluster::local_node_type() != Cluster::MANAGER )
		return;

	local stream = cat("config-oneshot-", filename);
	Input::add_event([$reader=Input::READER_CONFIG, $mode=Input::MANUAL,
	                  $source=filename, $name=stream,
	                  $fields=EventFields, $ev=config_line]);
	# Removal waits for the reader, so the whole file is still read.
	Input::remove(stream);
	}
