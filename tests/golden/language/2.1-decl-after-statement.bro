# language.md §2.1: a declaration after the first top-level statement is a syntax error; nothing runs
global a = 1;
print "never";
global b = 2;
