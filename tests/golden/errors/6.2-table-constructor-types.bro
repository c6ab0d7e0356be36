# language.md §6.2 (language.table-type-checking) / Expr.cc TableConstructorExpr: a named constructor promotes each index to the table's index type; the type complains (placed at the built-in type and the index), then the constructor
type MyTable: table[port] of count;
global gda = MyTable(["zero"] = 0);
global gea: MyTable = MyTable(["one"] = 1);
event bro_init()
	{
	local ldda = table(["six"] = 6);
	ldda = MyTable([6/tcp] = 6);
	}
