# language.md §4.8/§6.2: deleting a field that is neither &optional nor &default is "illegal delete statement"
type R: record { a: count; };
event bro_init()
	{
	local x: R = [$a=1];
	delete x$a;
	}
