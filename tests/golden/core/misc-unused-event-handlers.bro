# init-bare check_for_unused_event_handlers: after parsing, a warning for each handled event that no `event` statement or `schedule` raises and the core does not raise
redef check_for_unused_event_handlers = T;
global ev: event(a: count);
event ev(a: count) { print "ev", a; }
event never(s: string) { print s; }
event raised() { print "raised"; }
event later() { print "later"; }
event bro_init() { event raised(); schedule 1sec { later() }; }
event bro_done() { print "done"; }
event net_done(t: time) { print "net_done"; }
function g() { event ev(1); }
