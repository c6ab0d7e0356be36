# logging-input.md §2.9.5, §2.5.5: the config reader sends each changed option line as an entry and InputConfig::new_value with the value of the option's type (intervals and times as numbers, a port without protocol as unknown, enums by name), and warns about the lines it ignores
redef exit_only_after_terminate = T;

type Color: enum { RED, BLUE };

option testbool = F;
option testcount = 0;
option testport = 1/tcp;
option testint = 1sec;
option testtime = double_to_time(0.0);
option test_set: set[string] = {};
option test_vector: vector of count = vector();
option col = RED;
option mystr = "";
option testaddr = 0.0.0.0;
option test_any: any = 1;
option test_table: table[string] of count = table();

type Fields: record {
	option_name: string;
	option_val: string;
};

event entry(description: Input::EventDescription, tpe: Input::Event, p: Fields)
	{
	print description$name, p;
	}

event InputConfig::new_value(name: string, source: string, id: string, value: any)
	{
	print "new_value", name, source, id, value;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source;
	terminate();
	}

event bro_init()
	{
	Input::add_event([$source="config.dat", $reader=Input::READER_CONFIG, $name="cfg",
	                  $fields=Fields, $ev=entry]);
	}
