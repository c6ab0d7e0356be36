# language.md §6.2 / Expr.cc CondExpr: a non-bool condition is the only complaint; the alternatives need the same type tag only (two record types pass)
type A: record { a: count; };
type B: record { b: count; };
event bro_init()
	{
	local a: A = [$a=1];
	local b: B = [$b=1];
	print T ? 1 : "a";
	print 1 ? 1 : "a";
	print T ? a : b;
	}
