# language.md §6.1 / values.md §1.3: a raw byte (0x93) of the script inside a message is written as that one byte, not as UTF-8
event bro_init()
	{
	print "a�b" + 1;
	}
