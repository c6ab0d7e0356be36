# language.md §5.5: if an argument has no value the call is not made and the statement is skipped
function f(a: count): count { print "f called"; return a; }
event bro_init()
	{
	local x: count;
	print f(x);
	f(x);
	print "end";
	}
