# values.md §2.3 step 4: a remainder of exactly one half rounds up when frac is 0 or odd, else stays (0.0078125 = 2^-7)
print 0.0078125, 0.0234375, 0.0000005, 0.0000015, 0.0000025, 0.0000035, 0.0000045;
