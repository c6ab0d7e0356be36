# logging-input.md §2.9.2: the raw reader gives every line as it is (empty line "", no comments, no unescaping), a last line without newline too, then end_of_data
redef exit_only_after_terminate = T;

type Val: record {
	s: string;
};

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, tpe, |s|, s;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $name="raw",
	                  $fields=Val, $ev=line, $want_record=F]);
	}
