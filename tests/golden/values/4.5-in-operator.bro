# values.md §4.5: 'in' for tables (ignores &default), multi-index keys, vectors (holes are F), substrings, patterns, subnets
global t: table[string] of count = { ["a"] = 1 } &default=5;
global m: table[count, string] of bool = { [1, "x"] = T };
global v: vector of count = vector();
global nets: set[subnet] = { 10.0.0.0/8, 10.1.0.0/16 };
v[0] = 1;
v[2] = 3;
print "a" in t, "b" in t, [1, "x"] in m, [2, "x"] in m, "b" !in t;
print 0 in v, 1 in v, 2 in v, 3 in v;
print "ell" in "hello", "" in "hello", "xyz" in "hello", /l+/ in "hello";
print 10.1.2.3 in 10.0.0.0/8, 11.0.0.1 in 10.0.0.0/8, 10.1.2.3 in nets, 11.1.1.1 in nets;
