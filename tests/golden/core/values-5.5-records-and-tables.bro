# values.md §5.1 &default (fresh copies), §5.5 nested record defaults and redef record, §5.6 reference vs copy, §4.7 delete of a &default field
type Foo: record { foo: count; quux: count &default=9876; };
type Bar: record { bar: count; foo: Foo &default=[$foo=1234]; };
type S: record { a: count &optional; s: set[string]; v: vector of count; };
global g: S;
global t: table[string] of count &default=7;
global tr: table[count] of Foo &default=[$foo=1];
redef record Foo += { extra: string &default="e"; };
event bro_init()
	{
	local b: Bar = [$bar=100];
	print b;
	print g;
	print t["x"], |t|;
	t["y"] += 1;
	print t["y"], |t|;
	tr[1]$foo = 5;
	print |tr|;
	local r1: Foo = [$foo=1];
	local r2 = r1;
	r2$foo = 2;
	local r3 = copy(r1);
	r3$foo = 3;
	print r1, r2, r3;
	local v = vector(1, 2, 3);
	v += 4;
	print v, |v|, 2 in v, 7 in v;
	delete r1$quux;
	print r1?$quux, r1$quux;
	local i = 5;
	local d = 2.5;
	print i * d, i / 2, -i;
	}
