# values.md §4.2: arithmetic comparisons after promotion (count vs int compares as int); strings compare bytewise, unsigned
global big: count = 18446744073709551615;
print big < +0, 1 < 1.5, +2 == 2, 2.0 == 2, 3 > 4;
print "abc" < "abd", "abd" < "abc", "ab" < "abc", "" < "a", "\xff" > "a", "b" > "abc";
print 1sec < 1min, double_to_time(1.0) < double_to_time(2.0), 80/tcp <= 80/tcp, T == T, T != T;
print double_to_time(0.0) == 0, double_to_time(1.0) != 0;
