# logging-input.md §2.4, §2.3, §2.2: the type checks of add_table/add_event, their exact messages, F and no stream
type Idx: record {
	c: count;
};

type Idx2: record {
	c: count;
	d: count;
};

type Val: record {
	b: bool;
	s: string;
};

type Bad: record {
	i: int;
	t: table[count] of string;
};

global t1: table[string] of Val;
global t2: table[count, count] of Val;
global t3: table[count] of Val;
global t4: table[count] of bool;

function f(description: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val) { }
event e3(description: Input::TableDescription, tpe: Input::Event, left: Idx) { }
event e1(description: Input::EventDescription) { }
event e4(description: Input::EventDescription, tpe: Input::Event, r: Val, x: count) { }
event ef(description: Input::EventDescription, tpe: Input::Event, b: count, s: string) { }
event eb(description: Input::EventDescription, tpe: Input::Event, r: Bad) { }
event ok(description: Input::EventDescription, tpe: Input::Event, r: Val) { }

event bro_init()
	{
	print Input::add_table([$source="pred.dat", $name="a", $idx=Idx, $val=Val, $destination=t1]);
	print Input::add_table([$source="pred.dat", $name="b", $idx=Idx, $val=Val, $destination=t2]);
	print Input::add_table([$source="pred.dat", $name="c", $idx=Idx2, $val=Val, $destination=t3]);
	print Input::add_table([$source="pred.dat", $name="d", $idx=Idx, $val=Val, $destination=t4]);
	print Input::add_table([$source="pred.dat", $name="e", $idx=Idx, $val=Val, $destination=t3, $ev=f]);
	print Input::add_table([$source="pred.dat", $name="f", $idx=Idx, $val=Val, $destination=t3, $ev=e3]);
	print Input::add_event([$source="pred.dat", $name="g", $fields=Val, $ev=e1]);
	print Input::add_event([$source="pred.dat", $name="h", $fields=Val, $ev=e4]);
	print Input::add_event([$source="pred.dat", $name="i", $fields=Val, $want_record=F, $ev=ef]);
	print Input::add_event([$source="pred.dat", $name="j", $fields=Bad, $ev=eb]);
	print Input::add_event([$source="pred.dat", $name="k", $fields=Val, $ev=ok]);
	print Input::add_event([$source="pred.dat", $name="k", $fields=Val, $ev=ok]);
	print Input::remove("k");
	print Input::remove("k");
	print Input::remove("nope"), Input::force_update("nope"), Input::force_update("k");
	}
