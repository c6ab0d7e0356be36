# language.md §2.2: names created inside export { } are usable from other modules as Module::name; export may nest
module Foo;
export {
	global x = 1;
	const y = "why" &redef;
	function f(): string { return "f"; }
	export { global nested = 3; }
	global g: function(): count;
}
global hidden = 2;
function g(): count { return hidden + x; }
module GLOBAL;
redef Foo::y = "changed";
print Foo::x, Foo::y, Foo::f(), Foo::nested, Foo::g();
