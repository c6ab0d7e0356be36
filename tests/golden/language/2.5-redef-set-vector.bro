# language.md §2.5: redef += adds to a set and appends to a vector; -= removes from a set
global s: set[count] = { 1, 2 } &redef;
global v: vector of count = { 1 } &redef;
redef s += { 3 };
redef s -= { 1, 2 };
redef v += { 2, 3 };
print s, v;
