# values.md §5.3: vector() promotes mixed arithmetic elements; brace and named constructors convert to the yield type
type DV: vector of double;
global a: vector of double = { 1, 2, 3 };
global b = DV(1, 2);
print vector(1, 2.5), type_name(vector(1, 2.5)), vector(1, -2), type_name(vector(1, -2)), a, b;
