# logging-input.md §2.9.1, §2.7: InputAscii options by redef; with fail_on_invalid_lines a short line is an error that ends the read (no end_of_data) and the stream
redef exit_only_after_terminate = T;
redef InputAscii::separator = ",";
redef InputAscii::set_separator = ":";
redef InputAscii::empty_field = "E";
redef InputAscii::unset_field = "U";
redef InputAscii::fail_on_invalid_lines = T;

type Val: record {
	i: int;
	v: vector of string;
};

event line(description: Input::EventDescription, tpe: Input::Event, i: int, v: vector of string)
	{
	print i, v;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	}

event done()
	{
	print "done";
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="redef.dat", $name="redef", $fields=Val, $want_record=F, $ev=line]);
	schedule 1sec { done() };
	}
