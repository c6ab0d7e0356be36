# values.md §1.1/§1.2: print joins values with ", " and ends with a newline; an empty string prints an empty line
print "Foo", T, F, F;
print "";
print "a", "", "b";
print 1;
