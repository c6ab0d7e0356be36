# logging-input.md §2.9.4: the benchmark reader makes atoi(source) entries per heartbeat interval: strings of 10 characters, T for bools, 192.168.17.1 for addresses; a MANUAL read ends with end_of_data
redef exit_only_after_terminate = T;

type Row: record {
	s: string;
	b: bool;
	a: addr;
	c: count;
};

global n = 0;

event row(description: Input::EventDescription, tpe: Input::Event, r: Row)
	{
	++n;
	print tpe, |r$s|, r$b, r$a;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source, n;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="3", $reader=Input::READER_BENCHMARK, $name="bench",
	                  $fields=Row, $ev=row]);
	}
