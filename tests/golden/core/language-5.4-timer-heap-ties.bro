event a() { print "a"; }
event b() { print "b"; }
event c() { print "c"; }
event bro_init() { schedule 1sec { a() }; schedule 1sec { b() }; schedule 1sec { c() }; print "init"; }
event bro_done() { print "done"; }
