# hashing.md §8/§1: fnv1a32 of strings, counts, int, bool, double, intervals (unit words vs plain), pattern
print fnv1a32("one"), fnv1a32(""), fnv1a32("a\x00b"), fnv1a32("proxy-1.0"), fnv1a32("proxy-2.0");
print fnv1a32(13), fnv1a32(0), fnv1a32(18446744073709551615), fnv1a32(-1), fnv1a32(+5);
print fnv1a32(T), fnv1a32(F), fnv1a32(1.5), fnv1a32(-0.0), fnv1a32(double_to_time(1.5));
print fnv1a32(90 secs), fnv1a32(0 secs), fnv1a32(-1 min), fnv1a32(0.5 usecs), fnv1a32(double_to_interval(60.0));
print fnv1a32(/foo/), fnv1a32(/foo/i), fnv1a32(/a/ | /b/);
