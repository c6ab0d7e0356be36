# language.md §5.3 worked example: two rounds per drain; bro_done lands after e4; e10 never runs
global n = 0;
event chain(i: count) { print fmt("e%d", i); if ( i < 10 ) event chain(i + 1); }
event bro_init() { print "init"; event chain(1); }
event bro_done() { print "done"; }
