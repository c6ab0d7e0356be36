# values.md §1.2/§2.12: an any prints its underlying value
global a: any = 5;
global b: any = "str";
global c: any = vector(1, 2);
print a, b, c;
