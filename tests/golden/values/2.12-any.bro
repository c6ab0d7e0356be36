# values.md §2.12: 'as' succeeds when the dynamic type matches, 'is' tests it; type_name of an any is the dynamic type
global a: any = 1;
global s: any = "x";
print a as count, a is count, a is string, s is string;
print type_name(a), type_name(s);
