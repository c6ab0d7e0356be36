##! summary
@load base/frameworks/cluster
module Foo;
export {
	## doc
	type Color: enum { RED, GREEN = 5, };
	const c = 1 &redef;
	option o = T;
	global g: table[string, count] of set[addr] &default=table() &create_expire=1min;
	type R: record { a: count &log; b: string &optional; ##< post
		c: vector of string &default=vector(); };
	global f: function(a: count, b: string &default="x"): bool;
	global e: event(r: R);
	global h: hook(n: count);
}
redef c = 2;
redef g += { ["a", 1] = set(1.2.3.4) };
redef enum Color += { BLUE };
redef record R += { d: int &optional; } &log;
@if ( c > 1 )
function f(a: count, b: string): bool { return |b| > a; }
@else
function f(a: count, b: string): bool { return F; }
@endif
event e(r: R) &priority=-5 { print r$a, r?$b, r$c[0:2], "s"[1], -1, +2, ~3, !T; }
hook h(n: count) { if ( n > 1 ) break; }
event bro_init()
	{
	local x = 5; local y: double = 2.5e3; local z = 3 hrs + 1.5min;
	local p = /ab+c/i | /x/; local s = set(1, 2) | set(3);
	x = x / 2 % 3 * 4 - 1 + 2;
	x += 1; x -= 1; ++x; --x;
	local v: vector of count = vector(1, 2, 3);
	v[5] = 1; v += 4;
	for ( i in v ) next;
	for ( [a, b] in g ) break;
	while ( x > 0 ) --x;
	switch ( x ) { case 1, 2: fallthrough; case 3: break; default: break; }
	switch ( v as any ) { case type count as cc: print cc; break; case type string: break; }
	add s[4]; delete s[4]; delete g["a", 1];
	local anon = function(a: count): count { return a + 1; };
	schedule 1sec { e([$a=1]) };
	event e(R($a=2));
	hook h(3);
	if ( hook h(2) && x in s && x !in s ) print "h";
	print |x| - 1, |x | x|, x < 3 ? "a" : "b", 10.0.0.0/8, [::1], [fe80::]/64, 80/tcp, 0xff;
	print fmt("%s", x) == "1", type_name(x), copy(v), r is count, "a\x41\101";
	when ( x > 2 ) { print "w"; } timeout 1sec { print "t"; }
	{ }
	;
	}
print "top";
