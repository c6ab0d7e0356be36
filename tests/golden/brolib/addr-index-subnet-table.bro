# Bro's IndexType::MatchesIndex: an address indexes a table of subnets, giving the value of the longest prefix that covers it (policy/protocols/ssh/detect-bruteforcing.bro's ignore_guessers[id$orig_h]).
global ignore: table[subnet] of subnet = {
	[10.0.0.0/8] = 192.168.0.0/16,
	[10.1.0.0/16] = 172.16.0.0/12,
};

event bro_init()
	{
	print ignore[10.1.2.3], ignore[10.200.0.1];
	print 10.1.2.3 in ignore, 11.0.0.1 in ignore;
	print 172.16.5.5 in ignore[10.1.9.9];
	}
