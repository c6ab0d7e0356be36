# values.md §7.2: no-value errors skip the statement, expression errors abort the body, non-void returns without a value
type R: record { a: count &optional; };
function f(r: R): count { return r$a; }
function g(): count { }
function fact(n: count): count { if ( n <= 1 ) return 1; return n * fact(n - 1); }
global t: table[count] of string = { [1] = "one" };
event bro_init()
	{
	local r: R;
	print "before";
	print f(r);
	print "after";
	print g();
	print fact(20);
	print t[2];
	local x: count;
	print x;
	if ( t[3] == "x" ) print "yes"; else print "no";
	print "end";
	}
event bro_init() &priority=-1 { print 1/0; print "unreached"; }
event bro_init() &priority=-2 { print "third"; }
