# values.md §2.2/§4.1: 64-bit count and int limits; count arithmetic wraps
print 18446744073709551615, 0xffffffffffffffff, -9223372036854775808, +9223372036854775807;
print 18446744073709551615 + 1, 0 - 1;
