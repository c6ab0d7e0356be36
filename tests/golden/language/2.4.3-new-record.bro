# language.md §2.4.3: a new record gets its &defaults (fresh per record), empty non-optional aggregates, other fields unset
type R: record {
	n: count &optional;
	s: set[string];
	v: vector of count;
	d: set[count] &default=set();
	c: count &default=7;
};
event bro_init()
	{
	local r1: R;
	local r2: R;
	add r1$d[1];
	print r1$c, |r1$d|, |r2$d|, r1?$n, |r1$s|, |r1$v|;
	print r2;
	}
