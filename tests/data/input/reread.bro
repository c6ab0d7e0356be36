# logging-input.md §2.5.1, §2.9.1 REREAD: a replaced file is read again at the next heartbeat: duplicates do nothing, changes and removals call pred, ev gets the old value
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
	print "ev", tpe, left, right;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++ends;
	if ( ends == 1 )
		piped_exec("mv reread2.dat reread.dat", "");
	else
		{
		print servers[1], servers[2], 3 in servers, servers[4], |servers|;
		terminate();
		}
	}

event bro_init()
	{
	Input::add_table([$source="reread.dat", $name="reread", $idx=Idx, $val=Val, $destination=servers,
		$mode=Input::REREAD, $ev=line,
		$pred(typ: Input::Event, left: Idx, right: Val) = {
			print "pred", typ, left, right;
			return T;
			}]);
	}
