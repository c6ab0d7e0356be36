# hashing.md §6/§7: pool site ids are fnv1a32("<node>.0"); a key goes to the site with the largest hrw_weight
function pick(key: any): string
	{
	local s1 = fnv1a32("proxy-1.0");
	local s2 = fnv1a32("proxy-2.0");
	local w1 = hrw_weight(fnv1a32(key), s1);
	local w2 = hrw_weight(fnv1a32(key), s2);
	if ( w1 > w2 || (w1 == w2 && s1 > s2) )
		return "proxy-1";
	return "proxy-2";
	}
print pick(0), pick(1), pick(2), pick(3);
print pick(13), pick(37), pick(42), pick(101), pick(10.0.0.1);
