# values.md §6.5: sort is in place and returns the same vector; strcmp as comparison function
function cmp(a: count, b: count): int
	{
	return a < b ? 1 : (a > b ? -1 : 0);
	}

event bro_init()
	{
	local a1 = vector(5, 2, 8, 1);
	local b1 = sort(a1);
	print a1, b1;
	local names = vector("carol", "alice", "bob");
	names = sort(names, strcmp);
	print names;
	print sort(vector(3, 9, 4), cmp);
	print sort(vector(57/tcp, 12/icmp, 7/udp, 123/tcp, 500/udp));
	}
