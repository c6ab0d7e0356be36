# values.md §3.4: tables and sets walk in dictionary order (print, for, copy, set operators); without a seed file broscript hashes with its fixed built-in key (README), so tests/test_dictorder.py derives this order from the model
type R: record { a: count; b: string &optional; };
global s = set(1, 5, 3, 42, 37);
global t: table[string] of count = { ["one"] = 1, ["two"] = 2, ["three"] = 3 };
global p = set(1/tcp, 2/tcp, 3/tcp, 53/udp);
global a = set(10.0.0.1, 10.0.0.2, [fe80::1], 192.168.1.1);
global n = set(10.0.0.0/8, 10.1.0.0/16, [2001:db8::]/32);
global c: set[string, count] = { ["foo", 1], ["bar", 2], ["baz", 3] };
global l = set("a string that is longer than thirty-six bytes, one", "a string that is longer than thirty-six bytes, two", "short");
global r: set[R] = { [$a=1], [$a=2, $b="x"], [$a=3] };

event bro_init()
	{
	print s;
	print t;
	for ( k in p )
		print k;
	for ( k2 in a )
		print k2;
	for ( k3 in n )
		print k3;
	for ( [x, y] in c )
		print x, y;
	for ( k4 in l )
		print k4;
	for ( k5 in r )
		print k5;
	for ( k6 in s | set(7, 8) )
		print k6;
	for ( k7 in s & set(5, 42, 99) )
		print k7;
	for ( k8 in s - set(1) )
		print k8;
	local big: set[count];
	local i = 0;
	while ( i < 120 )
		{
		add big[i * 3];
		++i;
		}
	delete big[3];
	delete big[30];
	add big[3];
	local line = "";
	for ( k9 in copy(big) )
		line = fmt("%s %d", line, k9);
	print line;
	}
