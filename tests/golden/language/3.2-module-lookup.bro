# language.md §3.2/§3.3: in module Foo a name means Foo::name first, then GLOBAL; 'global x' in Foo creates a new Foo::x
global x = "global x";
global only_global = "only global";
module Foo;
global x = "Foo x";
event bro_init()
	{
	print x, GLOBAL::x, Foo::x, only_global;
	}
