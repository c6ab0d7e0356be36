# logging-input.md §2.9.1: a REREAD stream warns once about a missing file and reads it once it exists; a MANUAL one never does
redef exit_only_after_terminate = T;

type Val: record {
	i: int;
};

event line(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	print description$name, r;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	if ( name == "inputreread" )
		terminate();
	}

event create()
	{
	piped_exec("cat > later.dat", "#fields\ti\n7\n");
	}

event bro_init()
	{
	Input::add_event([$source="later.dat", $name="inputmanual", $fields=Val, $ev=line]);
	Input::add_event([$source="later.dat", $name="inputreread", $fields=Val, $ev=line, $mode=Input::REREAD]);
	schedule 3sec { create() };
	}
