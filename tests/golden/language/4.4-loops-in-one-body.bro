# language.md §4.4-§4.7, values.md §7.2: while, for, break, next and return inside one body; a statement that fails is skipped; a local set on one path only is still unset on the other
global v: vector of count = vector(10, 20, 30, 40);
global s: set[string] = { "a" };
global t: table[count] of string = { [1] = "one" };

function find(x: count): int
	{
	for ( i in v )
		{
		if ( v[i] == 20 )
			next;
		if ( v[i] == x )
			return i;
		print "passed", v[i];
		}
	return -1;
	}

function nested(x: count): string
	{
	local n = 0;
	while ( n < 3 )
		{
		++n;
		for ( i in v )
			if ( v[i] == x * n )
				return fmt("%d at %d", x * n, i);
		}
	return "none";
	}

function first_missing(): string
	{
	return t[5];
	return "fallback";
	}

event bro_init()
	{
	print find(30);
	print find(7);
	print nested(15);
	print nested(11);
	print first_missing();
	local n = 0;
	local out = "";
	while ( n < 10 )
		{
		++n;
		if ( n == 2 )
			next;
		if ( n == 5 )
			break;
		for ( k in s )
			out += fmt("%s%d ", k, n);
		}
	print n, out;
	for ( i in v )
		{
		switch ( v[i] ) {
		case 20:
			break;
		default:
			print "switch", v[i];
			break;
		}
		if ( v[i] == 30 )
			break;
		}
	local w: vector of count;
	w[2] = 7;
	local total = 0;
	for ( j in w )
		total += w[j] * 2;
	print total;
	for ( key in t )
		print key, t[key];
	while ( t[7] == "seven" )
		print "never";
	local q = 0;
	local p: count;
	while ( q < 2 )
		{
		++q;
		print p;
		p = q;
		}
	local c = 1;
	--c;
	--c;
	print c;
	local d = -3;
	--d;
	d -= 2;
	print d;
	local x: count;
	x = t[9] == "nine" ? 1 : 2;
	print x;
	local y: string;
	if ( n == 5 )
		y = t[1];
	print y;
	local z: string;
	if ( n == 6 )
		z = "six";
	print z;
	print "end";
	}
