# language.md §4.7 / Stmt.cc SwitchStmt: labels must have the switch's very type (TypeList::AllMatch: an int switch takes +1, not 1); a repeated value is a duplicate, a folded +3 or const name described by its value where the statement is
const LIMIT = 10;
function f(v: int): string
	{
	switch ( v ) {
	case 1, 2:
		return "1";
	case +3, +3:
		return "3";
	}
	return "";
	}
function g(n: count): string
	{
	switch ( n ) {
	case LIMIT:
		return "limit";
	case 10:
		return "ten";
	}
	return "";
	}
