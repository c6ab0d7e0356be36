# bifs/strings-reporter-misc.md §4 Option::set: checks in order, each a builtin error returning F
const A = 5;
global B: count;
global C = 1;
option D = 5;
option I: int = 1;
option S: set[string] = set();
option V: vector of count = vector();
type E1: enum { X1 };
type E2: enum { Y2 };
option En: E1 = X1;

event bro_init()
	{
	print Option::set("Nope", 6);
	print Option::set("B", 6);
	print Option::set("A", 6);
	print Option::set("C", 6);
	print Option::set("D", "hi");
	print Option::set("I", 6);
	print Option::set("I", -6), I;
	print Option::set("D", 6.0);
	print Option::set("S", set());
	print Option::set("V", vector());
	print Option::set("En", Y2), En;
	print Option::set("D", 7, "loc"), D;
	}
