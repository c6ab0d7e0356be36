# language.md §1.8: table(), set(), vector(), record() constructors, |e|, ?$ and slices
global t = table([1] = "one");
global s = set(5);
global v = vector(1, 2, 3);
global r = record($a=1, $b="x");
print t[1], 5 in s, v[1], r$b, r?$a, |v|;
print "hello"[1:3], "hello"[:2], "hello"[3:];
