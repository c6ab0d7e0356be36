# values.md §5.4: named constructors for table, set, vector and record types; table() with an attribute
type FooTable: table[count] of string;
type FooSet: set[count];
type FooVec: vector of string;
type MyRec: record { min: count &optional; max: count; };
global t = FooTable([1] = "one");
global s = FooSet(5);
global v = FooVec("a", "b");
global r = MyRec($max=2);
global d = table([1] = "x") &default="none";
print t, s, v, r, d[2];
