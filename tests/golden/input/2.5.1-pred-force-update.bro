# logging-input.md §2.5.1: pred runs synchronously per line before any ev; F drops the entry; its changes to index and value are stored, ev gets the index rebuilt from the line; a force_update of an unchanged file calls pred only for entries not in the table
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
};

type Val: record {
	b: bool;
	s: string;
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
		{
		print servers[1], servers[30], 2 in servers, 3 in servers;
		Input::force_update("pred");
		}
	else
		terminate();
	}

event bro_init()
	{
	Input::add_table([$source="pred.dat", $name="pred", $idx=Idx, $val=Val, $destination=servers, $ev=line,
		$pred(typ: Input::Event, left: Idx, right: Val) = {
			print "pred", typ, left, right;
			if ( left$i == 2 )
				return F;
			if ( left$i == 3 )
				{
				left$i = 30;
				right$s = "changed";
				}
			return T;
			}]);
	}
