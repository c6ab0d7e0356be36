# language.md §1.2: '#', '##', '##<', '##!' and '###' comments have no runtime meaning; '#' inside strings and patterns is not a comment
##! file summary comment
## doc comment for the next declaration
global x = 1; ##< doc comment for x
### an ordinary comment
print "a#b", x; # a comment after a statement
print /a#b/ == "a#b";
print /a#b/;
