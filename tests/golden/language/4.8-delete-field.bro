# language.md §4.8: delete r$f unsets an &optional field (r?$f becomes F); a &default field then reads its default
type R: record { a: count &default=5; b: string &optional; };
event bro_init()
	{
	local r: R = [$a=1, $b="x"];
	delete r$a;
	delete r$b;
	print r?$a, r$a, r?$b;
	}
