# values.md §1.2/§2.14: vectors print as [a, b]; a hole prints as nothing; an empty vector is []
global v: vector of string = vector();
global e: vector of count = vector();
v[0] = "Hello";
v[4] = "World";
print v, |v|;
print e, |e|;
print vector(1, 2, 3);
