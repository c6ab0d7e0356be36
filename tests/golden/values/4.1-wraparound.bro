# values.md §4.1: count arithmetic wraps modulo 2^64 (1 - 2 is 18446744073709551615); int wraps in two's complement
global c1: count = 1;
global c2: count = 2;
global big: count = 18446744073709551615;
global imax: int = +9223372036854775807;
print c1 - c2, big + 1, big * 2;
print imax + 1, type_name(imax + 1);
