# language.md §3.4: a module-declared event raised by its bare name finds no handler (dropped silently); the qualified raise works
module Foo;
global ping: event();
event ping() { print "pong"; }
event bro_init() { event ping(); }
event bro_init() { event Foo::ping(); }
