# values.md §7.1: in messages, globals and locals of a module are rendered with the module (M::t[M::k])
module M;
global t: table[count] of string;
event bro_init()
	{
	local k = 5;
	print t[k];
	print "end";
	}
