# logging-input.md §2.3, §2.9.1: accept_unsupported_types skips an optional file field with an info line; an optional record field cannot be unrolled; a two-character separator is an error that still lets the read finish, then ends the stream, which is already queued for removal in the handlers that follow
redef exit_only_after_terminate = T;
redef Input::accept_unsupported_types = T;

type Val: record {
	i: int;
	s: file &optional;
};

type Sub: record {
	x: int;
};

type Val2: record {
	i: int;
	r: Sub &optional;
};

global ends = 0;

event line(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	print description$name, r;
	}

event line2(description: Input::EventDescription, tpe: Input::Event, r: Val2)
	{
	print description$name, r;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	if ( name == "sep" )
		# the error queued the stream for removal already (§2.7, §2.2)
		print Input::remove(name);
	if ( ++ends == 2 )
		terminate();
	}

event bro_init()
	{
	print Input::add_event([$source="event.dat", $name="unsup", $fields=Val, $ev=line]);
	print Input::add_event([$source="event.dat", $name="optrec", $fields=Val2, $ev=line2]);
	print Input::add_event([$source="sep.dat", $name="sep", $fields=Val, $ev=line,
	                        $config=table(["separator"] = "||")]);
	}
