# language.md §2.3: with a type and an initialiser the value is promoted/coerced to the declared type
type R: record { a: count; b: string &default="d"; };
global d: double = 3;
global i: int = 4;
global r: R = [$a=1];
global e: table[count] of string = table();
print d, i, type_name(i), r, |e|, type_name(e);
