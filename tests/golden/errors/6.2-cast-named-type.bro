# language.md §6.2 / Expr.cc CastExpr: "cast not supported" describes the cast itself, the operand then the target type, a named type by its name; only a cast from any or to the very same type is allowed
type R: record { a: count; };
type E: enum { A };
event bro_init()
	{
	local s = "x";
	local c = 1;
	local a: any = c;
	print s as R;
	print c as int;
	print A as count;
	print c as set[count];
	print a as R;
	print c as count;
	}
