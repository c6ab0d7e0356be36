# language.md §1.7: prefix ++/-- return the new value; assignments are expressions (a = b = 5; (n += 1) + 2)
global a = 0;
global b = 0;
global n = 1;
print ++a, ++a, --a;
a = b = 5;
print a, b;
print (n += 1) + 2, n;
