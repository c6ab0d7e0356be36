# values.md §2.10: a pattern prints its exact-match text; /i, p1 | p2 and p1 & p2 build new texts
global p1 = /a/;
global p2 = /b/;
print /foo/, /^foo|bar/, /x/i;
print p1 | p2, p1 & p2;
print string_to_pattern("b[a-z]+", T);
