# language.md §1.5: decimal and 0x literals are count; there are no negative literals: -1 and +5 are int
print 0, 42, 0xff, 0x1F, 0xffffffffffffffff;
print type_name(42), type_name(0xff), type_name(-1), type_name(+5);
print -1, +5, -0xC;
print -9223372036854775808, 18446744073709551615;
