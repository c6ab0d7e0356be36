# values.md §2.3 step 3: magnitudes above 2147483647 print with C %e; inf and nan
global big = 1e300 * 1e300;
print 1e10, 2147483648.0, 2147483647.5, -3e9, 1.7976931348623157e308;
print big, -big, big - big, fmt("%s", 1e10);
