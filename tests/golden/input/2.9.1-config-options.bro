# logging-input.md §2.9.1: $config overrides separator, set_separator, empty_field and unset_field; strings have no empty marker; \xHH is decoded; a trailing set separator adds an empty element
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
};

type Val: record {
	ss: set[string];
	vs: vector of string;
	s: string;
	n: int;
};

global servers: table[int] of Val = table();

event Input::end_of_data(name: string, source: string)
	{
	print servers[1];
	print servers[2];
	print servers[3];
	terminate();
	}

event bro_init()
	{
	Input::add_table([$source="opts.dat", $name="opts", $idx=Idx, $val=Val, $destination=servers,
	                  $config=table(["separator"] = "|", ["set_separator"] = ";",
	                                ["empty_field"] = "EMPTY", ["unset_field"] = "NULL")]);
	}
