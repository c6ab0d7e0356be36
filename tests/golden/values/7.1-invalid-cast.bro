# values.md §7.1/§2.12: a runtime 'as' to the wrong type is an expression error; the body is abandoned, the next body runs
event bro_init()
	{
	local a: any = 5;
	print "before";
	print a as string;
	print "unreached";
	}
event bro_init() &priority=-1 { print "next body"; }
