# values.md §1.3: in fmt("%s")/cat a table level adds a tab before each non-string token after a newline; print never indents
global s = set(1);
global ss = set("x");
global t = table([1] = "a");
global n: table[count] of table[count] of string = { [0] = table([13] = "bar") };
print fmt("%s", s);
print fmt("%s", ss);
print cat(t);
print fmt("%s", n);
print n;
