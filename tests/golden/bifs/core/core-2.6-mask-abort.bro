# bifs/core-2.md §6 mask_addr: an IPv4 length above 32 (after modulo 256) is Bro's internal error, then abort
event bro_init()
	{
	local s = mask_addr(1.2.3.4, 33);
	}
