# bifs/strings-reporter-misc.md §4: Option::set and Option::set_change_handler errors (builtin errors, result F, call shown with defaults filled in)
const A = 5;
option B: count = 3;
option I: int = -1;
global nv: count;

function ok(ID: string, new_value: count): count { return new_value; }
function second_bool(ID: string, new_value: bool): count { return 0; }
function one(ID: string): count { return 0; }
function four(ID: string, new_value: count, l: string, x: count): count { return 0; }
function first_count(ID: count, new_value: count): count { return 0; }
function third_count(ID: string, new_value: count, l: count): count { return 0; }
function ret_bool(ID: string, new_value: count): bool { return T; }
function ret_void(ID: string, new_value: count) { }
hook h(ID: string, new_value: count) { }
event e(ID: string, new_value: count) { }

event bro_init()
	{
	print Option::set("C", 6), Option::set("A", 6), Option::set("nv", 1);
	print Option::set("B", "hi"), Option::set("I", 6), Option::set("B", 7, "loc"), B;
	print Option::set_change_handler("C", ok), Option::set_change_handler("A", ok);
	print Option::set_change_handler("B", B), Option::set_change_handler("B", h), Option::set_change_handler("B", e);
	print Option::set_change_handler("B", one), Option::set_change_handler("B", four);
	print Option::set_change_handler("B", first_count), Option::set_change_handler("B", second_bool);
	print Option::set_change_handler("B", third_count), Option::set_change_handler("B", ret_bool);
	print Option::set_change_handler("B", ret_void), Option::set_change_handler("B", ok, 5);
	}
