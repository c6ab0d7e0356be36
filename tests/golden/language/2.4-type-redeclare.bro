# language.md §2.4: declaring the same type name twice silently replaces the type for later uses
type MyT: count;
type MyT: string;
global x: MyT = "str";
print x, type_name(x);
