# values.md §7.2: "field value missing" unwinds the current handler body; other bodies and later events still run
type R: record { a: count &optional; };
event e(r: R) { print "b1"; print r$a; print "b1 unreached"; }
event e(r: R) &priority=-1 { print "b2"; }
event f() { print "f"; }
event bro_init() { local r: R; event e(r); event f(); }
