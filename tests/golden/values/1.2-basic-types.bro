# values.md §1.2: print format of bool, count, int, port, addr, subnet and enum values
type E: enum { ONE, TWO };
print T, F, 18446744073709551615, -10, +0;
print 80/tcp, 4/unknown, 1.2.3.4, [::1], 192.168.0.0/16;
print ONE, TWO;
