# language.md §4.2/§6.2: assigning a table of another type is "type clash in assignment"; nothing runs
event bro_init()
	{
	local a: table[count] of string;
	local b: table[string] of string;
	print "never";
	a = b;
	}
