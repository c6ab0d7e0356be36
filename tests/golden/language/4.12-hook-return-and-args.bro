# language.md §4.12/§5.5: return ends only the current hook body; parameters are re-bound per body, a mutated record is shared
type R: record { a: count; };
hook h(n: count, r: R) &priority=1 { print "b1", n, r$a; n = 99; r$a = 37; return; }
hook h(n: count, r: R) { print "b2", n, r$a; }
event bro_init()
	{
	local r: R = [$a=5];
	print hook h(1, r), r$a;
	}
