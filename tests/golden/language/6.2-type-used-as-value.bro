# language.md §6.2: a type name used as a value: "not a record (r$a)"
type r: record { a: string; };
event bro_init()
	{
	print r$a;
	}
