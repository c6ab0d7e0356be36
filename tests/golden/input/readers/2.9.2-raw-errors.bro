# logging-input.md §2.9.2, §2.7: the raw reader's init errors (field list, missing file, REREAD of a command, offset where unsupported), each followed by Init failed and terminating thread
redef exit_only_after_terminate = T;

type Line: record {
	s: string;
};

type Two: record {
	s: string;
	t: string;
};

type Num: record {
	c: count;
};

event line(description: Input::EventDescription, tpe: Input::Event, s: string)
	{
	print description$name, s;
	}

event two(description: Input::EventDescription, tpe: Input::Event, r: Two)
	{
	print description$name, r;
	}

event num(description: Input::EventDescription, tpe: Input::Event, c: count)
	{
	print description$name, c;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $name="two",
	                  $fields=Two, $ev=two]);
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $name="num",
	                  $fields=Num, $ev=num, $want_record=F]);
	Input::add_event([$source="echo x |", $reader=Input::READER_RAW, $name="stderr",
	                  $fields=Two, $ev=two, $config=table(["read_stderr"] = "T")]);
	Input::add_event([$source="nosuch.dat", $reader=Input::READER_RAW, $name="missing",
	                  $fields=Line, $ev=line, $want_record=F]);
	Input::add_event([$source="echo x |", $reader=Input::READER_RAW, $mode=Input::REREAD,
	                  $name="reread", $fields=Line, $ev=line, $want_record=F]);
	Input::add_event([$source="raw.dat", $reader=Input::READER_RAW, $mode=Input::REREAD,
	                  $name="offset", $fields=Line, $ev=line, $want_record=F,
	                  $config=table(["offset"] = "3")]);
	Input::add_event([$source="echo fine |", $reader=Input::READER_RAW, $name="ok",
	                  $fields=Line, $ev=line, $want_record=F]);
	}
