# values.md §5.6: copy() is deep and does not preserve sharing inside the value
type C: record { n: count; };
type D: record { l: C; r: C; };

event bro_init()
	{
	local shared = C($n=1);
	local d = D($l=shared, $r=shared);
	local e = copy(d);
	e$l$n = 2;
	print d$l$n, d$r$n, e$l$n, e$r$n;
	local v = vector(shared, shared);
	local w = copy(v);
	w[0]$n = 3;
	print v[0]$n, v[1]$n, w[0]$n, w[1]$n;
	}
