# values.md §4.1: mixed arithmetic promotes to the larger of double > int > count; count -> int reinterprets the bits
global c: count = 18446744073709551615;
global i: int = -1;
print type_name(1 + +1), type_name(1 + 1.0), type_name(+1 * 2.5), type_name(2 * 3);
print c + i, 2 + -5, 3 * 0.5;
