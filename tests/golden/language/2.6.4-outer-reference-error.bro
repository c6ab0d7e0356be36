# language.md §2.6.4/§6.2: an anonymous function cannot use locals of the enclosing function (no closures in 2.6)
event bro_init()
	{
	local c = 5;
	local f = function(a: count): count { return a + c; };
	print f(1);
	}
