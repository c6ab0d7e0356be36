# language.md §3.4 (event names are strings: the unqualified raise is dropped), §4.7 switch/fallthrough/type switch, §4.12 hooks with priorities and break, §2.6.2 defaults from the declaration
module Foo;
export {
	global ping: event();
	const x = 5 &redef;
	type Color: enum { RED, GREEN };
	global f: function(a: count, b: string &default="dflt"): string;
}
global hidden = 3;
event ping() { print "pong"; }
function f(a: count, b: string): string { return fmt("%d-%s", a, b); }
event bro_init() { event ping(); event Foo::ping(); print RED, hidden; }
module GLOBAL;
redef Foo::x = 7;
hook h(n: count) &priority=5 { print "h5", n; }
hook h(n: count) { print "h0"; if ( n > 1 ) break; print "not"; }
hook h(n: count) &priority=-1 { print "h-1"; }
event bro_init() { print Foo::x, Foo::f(1), Foo::f(2, "x"), Foo::GREEN; print hook h(1); print hook h(2);
  local c = 3;
  switch ( c ) { case 1: print "one"; break; case 3: print "three"; fallthrough; case 4: print "four"; break; default: print "def"; break; }
  switch ( c ) { case 9: print "nine"; break; default: print "def2"; break; }
  local a: any = 5;
  switch ( a ) { case type string as s: print "str", s; break; case type count as n: print "count", n; break; }
  print a as count, a is count, a is string;
  }
