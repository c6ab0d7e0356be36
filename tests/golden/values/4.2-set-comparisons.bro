# values.md §4.2: for sets == is same elements, < proper subset, <= subset, > and >= mirrored
global a: set[count] = { 1 };
global b: set[count] = { 1, 2 };
global c: set[count] = { 1 };
print a == c, a == b, a < b, a < c, a <= c, b > a, b >= b, b < a;
