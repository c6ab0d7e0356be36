# language.md §4.11/§5.3/§5.4: schedule is ignored once terminating (in a timer firing at shutdown and in bro_done)
event late() { print "late (never)"; }
event tick() { print "tick"; schedule 1sec { late() }; }
event bro_init() { schedule 1sec { tick() }; }
event bro_done() { print "bro_done"; schedule 1sec { late() }; }
