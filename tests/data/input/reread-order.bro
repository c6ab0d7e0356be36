# logging-input.md §2.5.1 step 7: entries gone from a re-read are removed in the dictionary order of the previous read's line keys (btest seed)
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
};

type Val: record {
	b: bool;
};

global servers: table[int] of Val = table();
global ends = 0;

event line(description: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	if ( tpe == Input::EVENT_REMOVED )
		print "removed", left$i;
	}

event Input::end_of_data(name: string, source: string)
	{
	if ( ++ends == 1 )
		piped_exec("mv order2.dat order.dat", "");
	else
		{
		print |servers|, -48 in servers;
		terminate();
		}
	}

event bro_init()
	{
	Input::add_table([$source="order.dat", $name="order", $idx=Idx, $val=Val, $destination=servers,
		$mode=Input::REREAD, $ev=line]);
	}
