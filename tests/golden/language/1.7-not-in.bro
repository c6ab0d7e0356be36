# language.md §1.7: '!in' is one token and may have blanks between '!' and 'in'
global s: set[count] = { 1 };
print 2 !in s, 1 !in s, 2 ! in s, 1 in s;
