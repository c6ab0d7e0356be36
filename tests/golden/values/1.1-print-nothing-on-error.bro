# values.md §1.1/§7.2: if one expression of a print fails, nothing is printed, not even the newline
global t: table[string] of count = { ["a"] = 1 };
event bro_init()
	{
	print "x", t["nope"], "y";
	print "after";
	}
