# language.md §2.6.2: defaults written on the declaration are copied to a definition that omits them
global f: function(a: count, b: count &default=10): count;
global e: event(s: string &default="dflt");
function f(a: count, b: count): count { return a + b; }
event e(s: string) { print "e", s; }
event bro_init() { print f(1); event e(); }
