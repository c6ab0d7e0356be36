# logging-input.md §2.9.2: $config["stdin"] is written to the command; in STREAM mode its exit, seen at a later read, sends end_of_data and process_finished and removes the stream, so Input::remove then warns
redef exit_only_after_terminate = T;

type Line: record {
	s: string;
};

global done = 0;

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, s;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	}

event InputRaw::process_finished(name: string, source: string, exit_code: count, signal_exit: bool)
	{
	print "process_finished", name, exit_code, signal_exit;
	print Input::remove(name);
	if ( ++done == 2 )
		terminate();
	}

event bro_init()
	{
	local cfg = table(["stdin"] = "hello\nthere\x01\x02yay\n");
	Input::add_event([$source="cat |", $reader=Input::READER_RAW, $mode=Input::STREAM,
	                  $name="streamed", $fields=Line, $ev=line, $want_record=F, $config=cfg]);
	Input::add_event([$source="tr a-z A-Z |", $reader=Input::READER_RAW,
	                  $name="manual", $fields=Line, $ev=line, $want_record=F, $config=cfg]);
	}
