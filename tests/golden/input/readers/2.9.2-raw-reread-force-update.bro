# logging-input.md §2.2 Input::__force_update, §2.9.2: a raw REREAD stream has no inode/mtime after its first read, so a force_update asked in bro_init reads the file a second time; offset starts a MANUAL read at byte N, a negative N at end + N + 1
redef exit_only_after_terminate = T;

type Line: record {
	s: string;
};

global ends = 0;

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, s;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	if ( ++ends == 4 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $mode=Input::REREAD,
	                  $name="reread", $fields=Line, $ev=line, $want_record=F]);
	Input::force_update("reread");
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $name="offset",
	                  $fields=Line, $ev=line, $want_record=F, $config=table(["offset"] = "48")]);
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $name="tail",
	                  $fields=Line, $ev=line, $want_record=F, $config=table(["offset"] = "-8")]);
	}
