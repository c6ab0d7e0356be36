# language.md §4.1: the type of a local is inferred from its initialiser
event bro_init()
	{
	local a = 0;
	local b = -1;
	local c = 0.5;
	local d = "s";
	local e = 1sec;
	local f = T;
	local g = 80/tcp;
	local h = set(1, 2);
	local i = [$x=1];
	local j = +0;
	print type_name(a), type_name(b), type_name(c), type_name(d), type_name(e);
	print type_name(f), type_name(g), type_name(h), type_name(i), type_name(j);
	}
