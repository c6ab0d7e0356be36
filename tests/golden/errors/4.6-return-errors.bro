# language.md §4.6 / Stmt.cc ReturnStmt: a return value goes through check_and_promote_expr (the yield type complains, placed at the type and the statement); a void function's value and a missing value describe the statement
type R: record { a: count; };
function f(a: count): string
	{
	return a;
	}
function g(): string
	{
	return 1sec;
	}
function h(): count
	{
	return 1.5;
	}
function i()
	{
	return 1;
	}
function j(): count
	{
	return;
	}
function k(): double
	{
	return 1;
	}
