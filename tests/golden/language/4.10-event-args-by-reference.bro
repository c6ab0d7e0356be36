# language.md §4.10: event arguments are evaluated when raised; an aggregate argument is captured by reference
type R: record { a: count; };
event e(r: R, n: count) { print r$a, n; }
event bro_init()
	{
	local r: R = [$a=1];
	local n = 1;
	event e(r, n);
	r$a = 2;
	n = 2;
	}
