# logging-input.md §2.5.3: an event stream raises ev per line (want_record T and F), then end_of_data, streams in creation order; unset column stays unset, missing &default column gets its default
redef exit_only_after_terminate = T;

type Val: record {
	i: int;
	b: bool;
	s: string;
	d: string &default="leer";
};

global ends = 0;

event line(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	print description$name, tpe, r;
	}

event line2(description: Input::EventDescription, tpe: Input::Event, i: int, b: bool, s: string, d: string)
	{
	print description$name, tpe, b, s, d;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	if ( ++ends == 2 )
		terminate();
	}

event bro_init()
	{
	Input::add_event([$source="event.dat", $name="rec", $fields=Val, $ev=line]);
	Input::add_event([$source="event.dat", $name="flat", $fields=Val, $want_record=F, $ev=line2]);
	}
