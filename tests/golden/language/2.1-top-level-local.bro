# language.md §2.1: top-level locals are visible to later statements; a top-level local without initialiser has no value at all
local x = 3;
local v: vector of count;
print x;
print v;
print "after";
