# language.md §2.5: a const initialised with a set()/table() constructor that carries &redef takes the constructor's attributes, so redef += and -= apply to it
const s = set(1) &redef;
redef s += { 3 };
const t = table([1] = "a") &redef &default = "none";
redef t += { [2] = "b" };
redef t -= { [1] = "zz" };
const v: set[string] = set() &redef;
redef v += { "x" };
print |s|, 3 in s, 1 in s;
print |t|, t[2], 1 in t, t[1];
print v;
