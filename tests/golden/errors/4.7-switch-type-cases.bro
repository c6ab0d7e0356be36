# language.md §4.7 / Stmt.cc SwitchStmt: a type the switch expression cannot be cast to, a repeated type, a second default (placed at both defaults), each describing its case
function f(v: count): string
	{
	switch ( v ) {
	case type string:
		return "s";
	case type count, type bool:
		return "c";
	case type count:
		return "d";
	default:
		return "x";
	default:
		print 1;
		break;
	}
	return "";
	}
