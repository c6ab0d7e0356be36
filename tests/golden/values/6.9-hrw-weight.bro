# hashing.md §5: hrw_weight examples; bit 31 of the site id and bits above 32 never matter
print hrw_weight(0, 0), hrw_weight(3699354550, 0), hrw_weight(12345, 5), hrw_weight(12345, 2147483653);
print hrw_weight(fnv1a32("one"), 4), hrw_weight(2293214859, 3102392432), hrw_weight(18446744073709551615, 18446744073709551615);
print hrw_weight(4294967303, 3), hrw_weight(7, 4294967299);
