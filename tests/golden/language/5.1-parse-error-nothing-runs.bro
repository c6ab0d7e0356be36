# language.md §5.1: after a parse-time error no top-level statement, bro_init or bro_done runs (exit 1); parse-time output remains
function note(s: string): bool { print s; return T; }
global g = note("parse time");
event bro_init() { print "bro_init"; }
event bro_done() { print "bro_done"; }
const c = 1;
event e() { c = 2; }
print "top-level";
