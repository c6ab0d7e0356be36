# logging-input.md §2.5.1 step 1, §2.7: a line whose index columns are all unset cannot be hashed (warning without reader name, also to error_ev); want_record=F gives ev the single value
redef exit_only_after_terminate = T;

type Idx: record {
	i: int;
	j: int;
};

type Val: record {
	b: bool;
};

global t: table[int, int] of bool = table();

event line(description: Input::TableDescription, tpe: Input::Event, left: Idx, right: bool)
	{
	print "ev", tpe, left, right;
	}

event err(desc: Input::TableDescription, msg: string, level: Reporter::Level)
	{
	print "err", msg, level;
	}

event Input::end_of_data(name: string, source: string)
	{
	print |t|;
	terminate();
	}

event bro_init()
	{
	Input::add_table([$source="hash.dat", $name="hash", $idx=Idx, $val=Val, $want_record=F,
	                  $destination=t, $ev=line, $error_ev=err]);
	}
