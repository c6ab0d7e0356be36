# values.md §6.1: %d and %x for bool, enum, int, count and port, with C flags and width
type E: enum { E0, E1, E2 };
print fmt("%d", T), fmt("%d", -128), fmt("%010d", 128), fmt("%10x", 160), fmt("%10x", 160/tcp), fmt("%d", E2);
print fmt("%x", 255), fmt("%-5d|", 3), fmt("%05d", -42), fmt("%d", 18446744073709551615), fmt("%d", 80/tcp);
