# language.md §2.3/§5.1: global initialisers run while parsing, in stream order, before top-level statements and bro_init
function f(tag: string): count { print "init", tag; return |tag|; }
global a = f("a");
global b = f("bee");
event bro_init() { print "bro_init", a, b; }
print "top";
