# language.md §1.7: comparisons are non-associative: a < b < c is a syntax error
print "never";
print 1 < 2 < 3;
