# language.md §5.7: terminate() returns T and only requests shutdown; queued events and bro_done still run; it returns F once terminating
event e() { print "e still runs"; }
event bro_init() { print terminate(); event e(); print "after terminate"; }
event bro_done() { print "bro_done", terminate(); }
