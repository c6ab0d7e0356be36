# language.md §4.5 / Stmt.cc ForStmt: the loop expression is described in its complaints; a reused variable of another type is the variable type complaining about the index type, placed at both (built-in) types
global t: table[count, string] of count;
global s: set[string];
event bro_init()
	{
	for ( k in t ) print k;
	local i = "a";
	for ( i in vector(1) ) print i;
	local c = 1;
	for ( c in s ) print c;
	for ( c in "abc" ) print c;
	for ( c in 5 ) print c;
	}
