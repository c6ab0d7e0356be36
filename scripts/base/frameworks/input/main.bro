##! The input framework's script interface: stream descriptions and the
##! functions that hand them to the native readers (bifs/logging-input.md).

module Input;

export {
	## What happened to an entry of a table stream.
	type Event: enum {
		EVENT_NEW = 0,
		EVENT_CHANGED = 1,
		EVENT_REMOVED = 2,
	};

	## How a reader follows its source.
	type Mode: enum {
		## Read once.
		MANUAL = 0,
		## Read again whenever the source changes.
		REREAD = 1,
		## Keep reading what is appended.
		STREAM = 2
	};

	## The reader of a stream that names none.
	option default_reader = READER_ASCII;

	## The mode of a stream that names none.
	option default_mode = MANUAL;

	## Field separator of the ASCII reader.
	const separator = "\t" &redef;

	## Separator of set and vector elements.
	const set_separator = "," &redef;

	## What stands for an empty field.
	const empty_field = "(empty)" &redef;

	## What stands for an unset field.
	const unset_field = "-" &redef;

	## Whether fields of unsupported types are skipped rather than refused.
	const accept_unsupported_types = F &redef;

	## A stream that fills a table.
	type TableDescription: record {
		source: string;
		reader: Reader &default=default_reader;
		mode: Mode &default=default_mode;
		name: string;
		destination: any;
		idx: any;
		val: any &optional;
		want_record: bool &default=T;
		ev: any &optional;
		pred: function(typ: Input::Event, left: any, right: any): bool &optional;
		error_ev: any &optional;
		config: table[string] of string &default=table();
	};

	## A stream that raises an event per entry.
	type EventDescription: record {
		source: string;
		reader: Reader &default=default_reader;
		mode: Mode &default=default_mode;
		name: string;
		fields: any;
		want_record: bool &default=T;
		ev: any;
		error_ev: any &optional;
		config: table[string] of string &default=table();
	};

	## A stream whose data goes to the file analysis framework.
	type AnalysisDescription: record {
		source: string;
		reader: Reader &default=Input::READER_BINARY;
		mode: Mode &default=default_mode;
		name: string;
		config: table[string] of string &default=table();
	};

	## Starts a table stream.
	global add_table: function(description: Input::TableDescription) : bool;

	## Starts an event stream.
	global add_event: function(description: Input::EventDescription) : bool;

	## Starts an analysis stream.
	global add_analysis: function(description: Input::AnalysisDescription) : bool;

	## Stops the stream named *id*.
	global remove: function(id: string) : bool;

	## Makes the stream named *id* read its source again now.
	global force_update: function(id: string) : bool;

	## Raised when a stream has read all of its source.
	global end_of_data: event(name: string, source: string);
}

@load base/bif/input.bif

module Input;

function add_table(description: Input::TableDescription) : bool
	{
	return __create_table_stream(description);
	}

function add_event(description: Input::EventDescription) : bool
	{
	return __create_event_stream(description);
	}

function add_analysis(description: Input::AnalysisDescription) : bool
	{
	return __create_analysis_stream(description);
	}

function remove(id: string) : bool
	{
	return __remove_stream(id);
	}

function force_update(id: string) : bool
	{
	return __force_update(id);
	}
