# bifs/core-2.md §6: mask_addr (length modulo 256), remask_addr on the 128-bit form (errors and OR out of range)
event bro_init()
	{
	print mask_addr(255.255.255.255, 1), mask_addr(255.255.255.255, 2), mask_addr(255.255.255.255, 31), mask_addr(255.255.255.255, 32);
	print mask_addr(1.2.3.4, 0), mask_addr([2001:db8::1], 0), mask_addr(1.2.3.4, 264), mask_addr([2001:db8::1], 32);
	print remask_addr(0.0.255.255, 255.255.0.0, 96 + 1), remask_addr(0.0.255.255, 255.255.0.0, 96 + 8), remask_addr(0.0.255.255, 255.255.0.0, 96 + 9), remask_addr(0.0.255.255, 255.255.0.0, 96 + 16);
	print remask_addr(0.0.255.255, 255.255.0.0, 96 + 17), remask_addr(0.0.255.255, 255.255.0.0, 96 + 24), remask_addr(0.0.255.255, 255.255.0.0, 96 + 32), remask_addr(1.2.3.4, 5.6.7.8, 96);
	print remask_addr(1.2.3.4, 5.6.7.8, 200);
	}
