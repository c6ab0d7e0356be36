# language.md §4.10/§5.2: 'event' appends to the tail of the queue and never runs the handler synchronously
event b() { print "b"; }
event a() { print "a start"; event b(); print "a end"; }
event c() { print "c"; }
event bro_init() { event a(); event c(); print "init end"; }
