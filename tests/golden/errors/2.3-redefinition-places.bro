# language.md §2.3, §2.5 / Var.cc make_var: "already defined" and the "redefinition requires redef" warning are placed at the first declaration and the new initialiser; the error describes both, the warning the name only
global x = 1;
global x = 2;
global y = 1 &redef;
global y = 3;
global w: count = 1;
redef w = 2;
redef z = 3;
