# values.md §2.10: p == s is a full match (either operand order), 'in' matches anywhere, |p| is 0
global p1 = /a/;
global p2 = /b/;
print /foo/ == "foo", "foo" == /foo/, /foo/ == "foox", /foo/ in "xfoox", /o+/ in "bar";
print (p1 & p2) in "xaby", (p1 | p2) == "b", (p1 & p2) == "ba", |/foo/|;
