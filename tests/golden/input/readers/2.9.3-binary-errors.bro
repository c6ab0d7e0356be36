# logging-input.md §2.9.3, §2.7: the binary reader wants exactly one string field and an existing file; each init error is followed by Init failed and terminating thread
redef exit_only_after_terminate = T;

type Chunk: record {
	s: string;
};

type Two: record {
	s: string;
	t: string;
};

type Num: record {
	c: count;
};

event chunk(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, s;
	}

event two(description: Input::EventDescription, tpe: Input::Event, r: Two)
	{
	}

event num(description: Input::EventDescription, tpe: Input::Event, c: count)
	{
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="binary.dat", $reader=Input::READER_BINARY, $name="two",
	                  $fields=Two, $ev=two]);
	Input::add_event([$source="binary.dat", $reader=Input::READER_BINARY, $name="num",
	                  $fields=Num, $ev=num, $want_record=F]);
	Input::add_event([$source="nosuch.dat", $reader=Input::READER_BINARY, $name="missing",
	                  $fields=Chunk, $ev=chunk, $want_record=F]);
	Input::add_event([$source="raw.dat", $reader=Input::READER_BINARY, $name="ok",
	                  $fields=Chunk, $ev=chunk, $want_record=F]);
	}
