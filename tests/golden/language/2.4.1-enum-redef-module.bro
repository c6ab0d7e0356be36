# language.md §2.4.1: an enumerator is named with the module current where it is added (redef enum in module test gives test::c)
type foo: enum { a, b };
module test;
redef enum foo += { c };
print a, c, |c|;
