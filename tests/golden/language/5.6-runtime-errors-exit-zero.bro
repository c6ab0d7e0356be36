# language.md §5.6/§7.5: runtime errors (non-fatal and expression errors) leave the exit status at 0 and bro_done runs
global t: table[count] of count;
global zero = 0;
event bro_init() { print t[1]; print "after no-value error"; }
event bro_init() &priority=-1 { print 5 % zero; }
event bro_done() { print "bro_done"; }
