# language.md §5.1: global initialisers (parse time), then top-level statements, then bro_init and queued events, then bro_done
function note(s: string): bool { print s; return T; }
global g = note("global init");
event bro_init() { print "bro_init"; event e("from bro_init"); }
event e(s: string) { print "e", s; }
event bro_done() { print "bro_done"; }
{}
print "top-level";
event e("from top-level");
