# language.md §6.2 / Expr.cc: each binary operator's own words (Sub, Times, Divide, Mod, Bit, Bool, Eq, Rel), the whole expression described
global s1: set[count];
global s2: set[string];
global t1: table[count] of count;
event bro_init()
	{
	local x = 1;
	print "a" - 1;
	print 1sec * 1sec;
	print "a" / 1sec;
	print 1.5 % 2;
	print "a" % 2;
	print 1 & 1.5;
	print /a/ | "b";
	print /a/ ^ /b/;
	print s1 | s2;
	print s1 - s2;
	print t1 - t1;
	print 1 && T;
	print x == "a";
	print x > "a";
	print s1 < s2;
	print T < F;
	print t1 == t1;
	}
