# logging-input.md §2.9.1, §2.7: file problems are warnings and a MANUAL read still ends with end_of_data; with fail_on_file_problem they are errors that end the stream
redef exit_only_after_terminate = T;

type Val: record {
	i: int;
	zz: string;
};

type Val2: record {
	i: int;
};

global ends = 0;

event line(description: Input::EventDescription, tpe: Input::Event, r: Val2)
	{
	print "line", description$name, r;
	}

event line2(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	print "line", description$name, r;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	if ( ++ends == 3 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="does-not-exist.dat", $name="missing", $fields=Val2, $ev=line]);
	Input::add_event([$source="event.dat", $name="nofield", $fields=Val, $ev=line2]);
	Input::add_event([$source="empty.dat", $name="empty", $fields=Val2, $ev=line]);
	Input::add_event([$source="does-not-exist.dat", $name="fatal", $fields=Val2, $ev=line,
	                  $config=table(["fail_on_file_problem"] = "T")]);
	}
