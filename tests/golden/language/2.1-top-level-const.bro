# language.md §2.1: 'const' after statements have begun declares a local constant of the top-level block
print "start";
const k = 5;
print k + 1;
