# values.md §4.4: ++/-- work on variables, record fields and &default table elements, return the new value and store it
type R: record { n: count; };
global r: R = [$n=1];
global t: table[string] of count &default=0;
global i = +5;
print ++r$n, ++t["k"], ++t["k"], --i, |t|;
print r$n, t["k"], i;
