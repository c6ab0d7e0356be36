# values.md §1.4: table/set layout; multi-index set entries end with a blank; empty table or set is {, empty line, }
global t: table[count] of string = { [1] = "one" };
global m: table[string, count] of string = { ["a", 1] = "x" };
global s: set[string, count] = { ["test", 1] };
global e: set[count];
global et: table[count] of count;
print t;
print m;
print s;
print e, et;
