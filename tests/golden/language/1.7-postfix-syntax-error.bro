# language.md §1.7: there is no postfix ++ (syntax error; nothing runs; exit 1)
global x = 1;
print "never";
x++;
