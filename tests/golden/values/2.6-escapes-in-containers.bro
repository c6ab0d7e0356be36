# values.md §2.6/§1.2: strings inside vectors, records and tables are escaped by print the same way as at top level
type R: record { s: string; };
global t: table[string] of string = { ["k\t"] = "v\n" };
print vector("a\tb"), R($s="\x01"), t;
