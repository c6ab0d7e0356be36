# language.md §4.9: if any expression of a print has no value, nothing at all is printed for it
global t: table[count] of string = { [1] = "one" };
event bro_init()
	{
	print t[1], t[2];
	print "next";
	}
