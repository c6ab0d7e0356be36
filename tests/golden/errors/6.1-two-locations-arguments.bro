# language.md §6.1, §6.2 (core.reporter-type-mismatch) / Expr.cc check_and_promote_args: the parameter's type complains first (placed at the type and the argument), then the argument (at it and the type), then the call
function f(a: count, b: string &default="x"): string { return b; }
event e(s: string) { }
event bro_init()
	{
	f("x");
	f(1, 2);
	event e(42);
	f(1, "a", 3);
	}
