# values.md §4.1/§7.2: division and modulo by zero (including double / 0.0) are expression errors that abort the body
global zero = 0;
global dzero = 0.0;
event e1() { print "e1"; print 5 / zero; print "unreached"; }
event e2() { print "e2"; print 5 % zero; print "unreached"; }
event e3() { print "e3"; print 1.5 / dzero; print "unreached"; }
event bro_init() { event e1(); event e2(); event e3(); }
