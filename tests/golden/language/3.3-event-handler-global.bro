# language.md §3.3: an event handler defined in a module without a declaration is GLOBAL; raising the bare name works
module Foo;
event ping() { print "ping handled"; }
event bro_init() { event ping(); }
