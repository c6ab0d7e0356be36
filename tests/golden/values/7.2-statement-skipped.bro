# values.md §7.2: after a non-fatal error an 'if' runs neither branch and an assignment is not done
global t: table[count] of string;
event bro_init()
	{
	local x = "old";
	if ( t[1] == "a" )
		print "then";
	else
		print "else";
	x = t[2];
	print x;
	}
