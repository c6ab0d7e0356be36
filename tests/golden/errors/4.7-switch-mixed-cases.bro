# language.md §4.7, §6.2 / Stmt.cc SwitchStmt: mixing value and type cases describes the whole statement (Stmt::Describe, short)
function switch_one(v: count): string
	{
	switch ( v ) {
	case 42:
		return "42!";
	case type count:
		return "Count!";
	}
	return "";
	}
