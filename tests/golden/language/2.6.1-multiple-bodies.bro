# language.md §2.6.1: events and hooks may have any number of bodies; all run for one raise/call
event e(n: count) { print "e body 1", n; }
event e(n: count) { print "e body 2", n; }
hook h(n: count) { print "h body 1", n; }
hook h(n: count) { print "h body 2", n; }
event bro_init() { event e(1); hook h(2); }
