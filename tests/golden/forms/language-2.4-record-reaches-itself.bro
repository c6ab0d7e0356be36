# language.md §2.4-§2.5: a record declared empty and extended by redef record can reach itself through function, event and hook types; its description writes the inner reference as <recursion>, as Bro's ODesc does
type R: record {};
redef record R += { f: function(r: R): count &optional; n: count &default = 1; };
type E: record {};
redef record E += { ev: event(e: E) &optional; h: hook(e: E) &optional; tag: string &default = "e"; };
function inc(r: R): count { return r$n + 1; }
global g: function(r: R): count = inc;
event eve(e: E) { print "eve", e$tag, e?$h; }
hook hk(e: E) { print "hook", e$tag; }
event bro_init()
	{
	local r = R($f = inc);
	local c = copy(r);
	c$n = 5;
	print r$f(r), c$f(c), g(c);
	print type_name(r);
	local e = E($ev = eve, $h = hk, $tag = "x");
	print type_name(e);
	event eve(e);
	local h = e$h;
	print hook h(e);
	local t: table[count] of R;
	t[1] = c;
	print t[1]$n, |t|;
	}
