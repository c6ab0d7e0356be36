# bifs/strings-reporter-misc.md §4: equal priorities in registration order, a handler without a value stops the chain, the stored value is a deep copy
option v: vector of count = vector(1);
option n = 1;

function add_one(ID: string, new_value: vector of count): vector of count
	{
	print "add_one", ID, v, new_value;
	new_value[|new_value|] = |new_value| + 1;
	return new_value;
	}

function nothing(ID: string, new_value: count): count
	{
	print "nothing", ID, new_value;
	}

function double_it(ID: string, new_value: count): count
	{
	print "double_it", new_value;
	return new_value * 2;
	}

event bro_init()
	{
	Option::set_change_handler("v", add_one);
	Option::set_change_handler("v", add_one);
	local mine = vector(7);
	print Option::set("v", mine), v, mine;
	mine[0] = 8;
	print v;
	Option::set_change_handler("n", double_it, 5);
	Option::set_change_handler("n", nothing, 1);
	Option::set_change_handler("n", double_it, -1);
	print Option::set("n", 3), n;
	}
