# logging-input.md §2.9.5: InputConfig::set_separator and empty_field shape set and vector values; with fail_on_file_problem a missing file is an error that ends the stream
redef exit_only_after_terminate = T;
redef InputConfig::set_separator = "|";
redef InputConfig::empty_field = "EMPTY";
redef InputConfig::fail_on_file_problem = T;

option test_vector: vector of count = vector();
option other_vector: vector of count = vector();
option empty_vector: vector of count = vector(9);
option test_set: set[string] = {"x"};

type Fields: record {
	option_name: string;
	option_val: string;
};

event entry(description: Input::EventDescription, tpe: Input::Event, p: Fields)
	{
	}

event InputConfig::new_value(name: string, source: string, id: string, value: any)
	{
	print id, value;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="nosuch.dat", $reader=Input::READER_CONFIG, $name="missing",
	                  $fields=Fields, $ev=entry]);
	Input::add_event([$source="config-opts.dat", $reader=Input::READER_CONFIG, $name="opts",
	                  $fields=Fields, $ev=entry]);
	}
