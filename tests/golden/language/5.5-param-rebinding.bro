# language.md §5.5: before each event body the parameters are re-bound to the original arguments; record mutation is shared
type R: record { a: count; };
global g: R = [$a=5];
event e(n: count, r: R) { print "b1", n, r$a; n = 2; r$a = 37; }
event e(n: count, r: R) { print "b2", n, r$a; }
event e(n: count, r: R) &priority=-5 { print "b3 sees global", g$a; }
event bro_init() { event e(1, g); }
