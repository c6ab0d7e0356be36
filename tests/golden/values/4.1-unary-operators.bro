# values.md §4.1: unary - and + of count/int give int, of double a double, of interval an interval; ~ on count; ! on bool
global c = 5;
print -c, +c, type_name(-c), type_name(+c), -2.5, type_name(-2.5), -(3sec), ~0, ~c, !T;
