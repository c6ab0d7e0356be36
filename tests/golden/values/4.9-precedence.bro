# values.md §4.9: a == a | set(5) is a == (a | set(5)); p1 & p2 in "s" is (p1 & p2) in "s"
global a: set[count] = { 5 };
global p1 = /a/;
global p2 = /b/;
print a == a | set(5), p1 & p2 in "xaby", p1 & p2 in "xbay";
