# values.md §4.1/§5.2: set & | - are intersection, union and difference, giving new sets
global a: set[count] = { 1, 2 };
global b: set[count] = { 2, 3 };
global u = a | b;
print a & b, |u|, a - b;
print |a|, |b|;
