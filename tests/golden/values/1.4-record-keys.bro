# values.md §1.4/§5.4: a table with a record index shows [[...]] = v; a set of records shows each bare record
type R: record { min: count &optional; max: count; };
type FooTableRec: table[R] of string;
type FooSetRec: set[R];
global t = FooTableRec([[$max=5]] = "max5");
global s = FooSetRec([$max=5]);
print t;
print s;
