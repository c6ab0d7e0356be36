# values.md §2.3 step 6: ".0" is appended only when the value is exactly integral
print 3.0, -8.0, 0.0, -0.0, 100.0, 16777216.0, 2147483647.0, -2147483647.0;
