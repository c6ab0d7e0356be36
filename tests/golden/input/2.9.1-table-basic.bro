# logging-input.md §2.5.5, §2.9.1: every field type read into a table; nothing visible before the first main-loop step
redef exit_only_after_terminate = T;

module SSH;
export { redef enum Log::ID += { LOG }; }

type Idx: record {
	i: int;
};

type Val: record {
	b: bool;
	e: Log::ID;
	c: count;
	p: port;
	pp: port;
	sn: subnet;
	a: addr;
	d: double;
	t: time;
	iv: interval;
	s: string;
	sc: set[count];
	ss: set[string];
	se: set[string];
	vc: vector of int;
	ve: vector of int;
};

global servers: table[int] of Val = table();

event bro_init()
	{
	print Input::add_table([$source="basic.dat", $name="ssh", $idx=Idx, $val=Val, $destination=servers]);
	print -42 in servers;
	}

event bro_init() &priority=-10
	{
	print "still empty", |servers|;
	}

event Input::end_of_data(name: string, source: string)
	{
	print name, source;
	print servers;
	print type_name(servers[-42]$iv), type_name(servers[-42]$t);
	Input::remove("ssh");
	terminate();
	}
