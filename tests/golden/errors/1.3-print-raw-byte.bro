# values.md Â§1.3 context A: print escapes a raw byte of the script (0x93) and the same byte written as an escape alike
event bro_init()
	{
	print "a“b";
	print "a\x93b";
	print |"a“b"|;
	}
