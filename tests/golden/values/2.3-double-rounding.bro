# values.md §2.3: at most 6 decimals, rounded, trailing zeros removed; no ".0" for values that only round to an integer
print 3.14159265, 0.1 + 0.2, -8.1, 0.000001, 1.25, 123.456789, 0.5;
print 1e-7, -1e-7, 2.0000001, 0.9999999, 1.9999996, 9.9999999;
