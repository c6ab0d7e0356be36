# language.md §4.2 / Stmt.cc ExprStmt: only a pure expression warns (constants, const names, and compound ones made of them); a variable, an assignment, a call do not; the run goes on
const c = 1;
global g = 2;
function f(): count { return 1; }
event bro_init()
	{
	local x = 1;
	c;
	g;
	x;
	x + 1;
	c + 1;
	[$a=1];
	f;
	f();
	x = 3;
	++x;
	c == 1;
	|c|;
	T ? 1 : 2;
	print "ran";
	}
