# language.md §6.2 / Expr.cc AddExpr: a string plus a count "requires arithmetic operands", whole expression described
event bro_init()
	{
	local s = "x";
	print s + 1;
	print "x" + 1;
	print "never";
	}
