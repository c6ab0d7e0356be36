# values.md §5.2: keys are stored by value: changing a record after adding it to a set does not change the set
type R: record { a: count; };
global s: set[R];
global r: R = [$a=1];
add s[r];
r$a = 2;
print s, r in s, R($a=1) in s;
