# language.md §2.4.2, §6.2 (language.deprecated) / Expr.cc FieldExpr, HasFieldExpr: a &deprecated field warns with the record type's name and the field, not the expression
type my_record: record { a: count; b: string &deprecated &optional; };
event bro_init()
	{
	local r = my_record($a=1);
	print r?$b;
	r$b = "x";
	print r$b;
	}
