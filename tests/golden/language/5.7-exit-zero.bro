# language.md §5.7/§7.5: exit(0) also skips bro_done and pending events, with status 0
event bro_init() { print "in bro_init"; exit(0); }
event bro_init() &priority=-1 { print "never"; }
event bro_done() { print "no bro_done"; }
