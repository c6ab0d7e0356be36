# language.md §2.6.2: the default expression is evaluated at each call, so it sees the current value of a global
global base = 1;
function f(a: count &default=base): count { return a; }
print f();
base = 2;
print f(), f(7);
