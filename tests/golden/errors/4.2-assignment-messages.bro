# language.md §4.2 / Expr.cc AssignExpr::TypeCheckArithmetics, AddToExpr, RemoveFromExpr: the type names are part of the text, the assignment is described after it
type E: enum { A };
event bro_init()
	{
	local x = 1;
	x = "a";
	x = 1.5;
	local i = -1;
	x = i;
	x = A;
	local s = "a";
	s = 1;
	x += "a";
	x -= "a";
	s += 1;
	local v = vector(1);
	v += "a";
	local vs = vector("a");
	vs += 1;
	}
