# language.md §5.6: an expression error abandons the current body; other bodies of the event and later events still run
global zero = 0;
event e() &priority=1 { print "b1"; print 1 / zero; print "b1 unreached"; }
event e() { print "b2"; }
event f() { print "f"; }
event bro_init() { event e(); event f(); }
