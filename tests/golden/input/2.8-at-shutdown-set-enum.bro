# logging-input.md §2.8 item 2, §2.4, §2.5.5: without exit_only_after_terminate the data arrives after bro_done; a set destination; want_record=F; an unknown enum is a manager warning (no reader name) and drops the entry
module SSH;
export { redef enum Log::ID += { LOG }; }

type Idx: record {
	s: string;
};

type V: record {
	b: bool;
};

type EV: record {
	e: Log::ID;
};

global hosts: set[string] = set();
global flags: table[string] of bool = table();
global enums: table[string] of EV = table();

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	if ( name != "enum" )
		return;
	print "x" in hosts, "y" in hosts, |hosts|;
	print flags["x"], flags["y"];
	print enums["x"], "y" in enums;
	}

event bro_init()
	{
	Input::add_table([$source="misc.dat", $name="set", $idx=Idx, $destination=hosts]);
	Input::add_table([$source="misc.dat", $name="wrf", $idx=Idx, $val=V, $want_record=F, $destination=flags]);
	Input::add_table([$source="misc.dat", $name="enum", $idx=Idx, $val=EV, $destination=enums]);
	}

event bro_done()
	{
	print "bro_done", |hosts|;
	}
