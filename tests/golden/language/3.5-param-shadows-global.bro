# language.md §3.5: parameters may shadow globals
global x = 1;
function f(x: count): count { return x * 10; }
print f(5), x;
