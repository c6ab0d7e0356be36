# logging-input.md §2.9.2: a source ending in "|" runs a command: its stdout lines, with read_stderr then its stderr lines (T), end_of_data, a non-zero exit as an error, then InputRaw::process_finished
redef exit_only_after_terminate = T;

type Line: record {
	s: string;
};

type LineErr: record {
	s: string;
	is_stderr: bool;
};

global done = 0;

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, tpe, s;
	}

event line_err(description: Input::EventDescription, tpe: Input::Event, r: LineErr)
	{
	print description$name, tpe, r;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	}

event InputRaw::process_finished(name: string, source: string, exit_code: count, signal_exit: bool)
	{
	print "process_finished", name, source, exit_code, signal_exit;
	if ( ++done == 3 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="echo one; echo two |", $reader=Input::READER_RAW,
	                  $name="cmd", $fields=Line, $ev=line, $want_record=F]);
	Input::add_event([$source="echo out; echo err 1>&2; echo out2; exit 3 |",
	                  $reader=Input::READER_RAW, $name="witherr", $fields=LineErr,
	                  $ev=line_err, $config=table(["read_stderr"] = "1")]);
	Input::add_event([$source="sed 's/^/> /' raw.dat; kill -9 $$ |", $reader=Input::READER_RAW,
	                  $name="killed", $fields=Line, $ev=line, $want_record=F]);
	}
