# bifs/strings-reporter-misc.md §4 Option::set_change_handler: checks in order, each a builtin error returning F
option A: count = 5;
const K = 1;
hook h(ID: string, new_value: count) { }
event e(ID: string, new_value: count) { }
function one(ID: string): count { return 0; }
function four(ID: string, new_value: count, location: string, x: count): count { return 0; }
function first(ID: count, new_value: count): count { return 0; }
function second(ID: string, new_value: bool): count { return 0; }
function third(ID: string, new_value: count, location: count): count { return 0; }
function ret(ID: string, new_value: count): bool { return T; }
function noret(ID: string, new_value: count) { }
function good(ID: string, new_value: count, location: string): count { return new_value; }

event bro_init()
	{
	print Option::set_change_handler("B", good);
	print Option::set_change_handler("K", good);
	print Option::set_change_handler("A", A);
	print Option::set_change_handler("A", h);
	print Option::set_change_handler("A", e);
	print Option::set_change_handler("A", one);
	print Option::set_change_handler("A", four);
	print Option::set_change_handler("A", first);
	print Option::set_change_handler("A", second);
	print Option::set_change_handler("A", third);
	print Option::set_change_handler("A", ret);
	print Option::set_change_handler("A", noret);
	print Option::set_change_handler("A", good, 3);
	}
