# language.md §1.5: '/' where an expression may start begins a pattern literal, elsewhere it is division; /i is case-insensitive
global a = 6;
print /ab+c/, /foo/i;
print /ab+c/ == "abbbc", /ab+c/ == "ac", /foo/i in "xFoOy";
print a / 2, a/3;
