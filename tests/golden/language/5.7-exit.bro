# language.md §5.7/§7.5: exit(n) ends the process at once with status n: no more statements, events or bro_done; stdout is flushed
event e() { print "never"; }
event bro_init() { print "before exit"; event e(); exit(3); print "never either"; }
event bro_done() { print "no bro_done"; }
