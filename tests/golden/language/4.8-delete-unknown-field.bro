# language.md §4.8/§6.2: deleting a field the record type does not have is "no such field in record"
type R: record { a: count &optional; };
event bro_init()
	{
	local x: R;
	delete x$c;
	}
