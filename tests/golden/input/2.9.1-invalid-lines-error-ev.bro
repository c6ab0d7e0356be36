# logging-input.md §2.9.1, §2.7: ASCII field parsing warnings, skipped lines, and error_ev getting each message without the reader name
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
};

type Val: record {
	c: count;
	b: bool;
	p: port;
	sn: subnet;
};

global servers: table[int] of Val = table();

event err(desc: Input::TableDescription, msg: string, level: Reporter::Level)
	{
	print "err", msg, level;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	print servers[1], servers[2], servers[6], |servers|;
	terminate();
	}

event bro_init()
	{
	Input::add_table([$source="invalid.dat", $name="inv", $idx=Idx, $val=Val, $destination=servers, $error_ev=err]);
	}
