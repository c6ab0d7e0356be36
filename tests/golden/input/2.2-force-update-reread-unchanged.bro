# logging-input.md §2.2, §2.9.1: force_update of a REREAD stream re-reads only a changed file, so an unchanged one gives no second end_of_data; heartbeat polls find it unchanged too
redef exit_only_after_terminate = T;

type Val: record {
	i: int;
};

global lines = 0;

event line(description: Input::EventDescription, tpe: Input::Event, r: Val)
	{
	++lines;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, lines;
	print Input::force_update(name);
	}

event done()
	{
	print "done", lines;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="pred.dat", $name="reread", $fields=Val, $ev=line, $mode=Input::REREAD]);
	schedule 2sec { done() };
	}
