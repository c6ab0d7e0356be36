# language.md §1.7: * / % bind tighter than binary + -; all are left-associative
print 2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 2 * 3 % 4, 20 / 2 / 5, 7 - 2 * 3;
