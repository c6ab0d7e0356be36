# language.md §5.4: equal-time timers fire a, c, b (heap without tie-breaker), before bro_done
event a() { print "a"; }
event b() { print "b"; }
event c() { print "c"; }
event bro_init() { schedule 1sec { a() }; schedule 1sec { b() }; schedule 1sec { c() }; print "init"; }
event bro_done() { print "done"; }
