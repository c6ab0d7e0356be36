# values.md §6.5: with cmp, a sorts before b if cmp(a, b) < 0 (strcmp works); holes sort last; order() returns sorted indices
function rev(a: count, b: count): int { if ( a > b ) return -1; if ( a < b ) return 1; return 0; }
global names = vector("bob", "carol", "alice");
global v: vector of count = vector();
v[0] = 3;
v[2] = 1;
v[3] = 2;
print sort(names, strcmp), sort(v, rev), order(vector(30, 10, 20));
