# language.md §2.6.2: trailing &default parameters may be omitted for functions, events (event and schedule) and hooks
function f(a: count, b: string &default="fd"): string { return fmt("%d %s", a, b); }
event e(a: count, b: string &default="ed") { print "e", a, b; }
hook h(a: count, b: string &default="hd") { print "h", a, b; }
event bro_init()
	{
	print f(1), f(2, "x");
	event e(3);
	schedule 1sec { e(4) };
	hook h(5);
	}
