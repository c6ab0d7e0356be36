# bifs/strings-reporter-misc.md §4 Option::set: handlers by descending priority, each gets the previous one's value, old value visible meanwhile
option testbool = T;
option names: set[string] = set("a");
global other: set[string] = set("b");

function option_changed(ID: string, new_value: bool): bool
	{
	print fmt("Value of %s changed from %s to %s", ID, testbool, new_value);
	return new_value;
	}

function option_changed_two(ID: string, new_value: bool, location: string): bool
	{
	print fmt("Higher prio - Value of %s changed from %s to %s at location '%s'", ID, testbool, new_value, location);
	return T;
	}

function no_return(ID: string, new_value: set[string]): set[string]
	{
	}

event bro_init()
	{
	print "Old value", testbool;
	Option::set_change_handler("testbool", option_changed);
	Option::set_change_handler("testbool", option_changed_two, 99);
	Option::set("testbool", F);
	Option::set("testbool", F, "here");
	print "New value", testbool;
	print Option::set("names", other), |names|, "b" in names;
	add other["c"];
	print |names|;
	Option::set_change_handler("names", no_return);
	print Option::set("names", set("x", "y", "z")), |names|;
	}
