# logging-input.md §2.5.2, §2.9.1 STREAM: lines appended are read at the next heartbeat as streamed entries: NEW, or CHANGED with the old value while the table already holds the new one; no end_of_data
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
};

type Val: record {
	b: bool;
};

global servers: table[int] of Val = table();
global n = 0;

event line(description: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "ev", tpe, left, right;
	++n;
	if ( n == 2 )
		piped_exec("cat >> stream.dat", "3\tT\n2\tF\n");
	if ( n == 4 )
		{
		print servers[2];
		terminate();
		}
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	}

event bro_init()
	{
	Input::add_table([$source="stream.dat", $name="stream", $idx=Idx, $val=Val, $destination=servers,
		$mode=Input::STREAM, $ev=line]);
	}
