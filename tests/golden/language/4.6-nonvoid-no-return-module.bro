# language.md §4.6 / values.md §7.1: the "returns without a value" warning names the function with its module
module Foo;
function f(): count { }
event bro_init() { print f(); print "after"; }
