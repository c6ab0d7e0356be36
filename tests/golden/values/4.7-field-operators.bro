# values.md §4.7: r$f of an unset &default field returns the default without storing it; r?$f reports whether a value is held
type R: record { a: count &default=3; b: count &optional; };
global r: R;
delete r$a;
print r$a, r?$a, r?$b;
r$b = 4;
print r?$b, r;
