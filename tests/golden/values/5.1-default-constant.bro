# values.md §5.1: a constant &default is converted to the yield type and returned for missing keys, not inserted; += inserts
global t: table[string] of double &default=7;
print t["x"], |t|, "x" in t;
t["y"] += 1;
print t["y"], |t|;
