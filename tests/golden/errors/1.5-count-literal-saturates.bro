# language.md §1.5 / scan.l: a decimal or hex count literal is read with strtoull, which saturates at 2^64-1 without a message; a port literal's number is read with atoi (so 4294967296/tcp is 0/tcp)
event bro_init()
	{
	print 99999999999999999999999;
	print 0xffffffffffffffffffffff;
	print 18446744073709551615;
	print 4294967296/tcp;
	}
