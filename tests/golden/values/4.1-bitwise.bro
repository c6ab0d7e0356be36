# values.md §4.1: count & | ^ give counts
print 5 & 3, 5 | 3, 5 ^ 3, 0xff & 0x0f, type_name(5 & 3);
