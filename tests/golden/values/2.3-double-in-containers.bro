# values.md §2.3/§1.2: doubles use the same format inside vectors, records and tables, and in fmt("%s")
type R: record { d: double; };
global v = vector(1.0, 2.5, 0.1 + 0.2);
global r: R = [$d=3.0];
global t: table[count] of double = { [1] = 1e10 };
print v, r, t[1], fmt("%s|%s", 3.0, v);
