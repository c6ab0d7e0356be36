# values.md §5.1: a non-constant &default ([] or table()) gives a fresh copy per lookup, so changes go to a temporary
type Foo: record { x: count &default=0; };
global foo: table[count] of Foo = {} &default=[];
global tt: table[count] of table[count] of string &default=table();
foo[1]$x = 1;
print |foo|, foo[1];
tt[1][2] = "z";
print |tt|, |tt[1]|;
