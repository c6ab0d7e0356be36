# values.md §2.4: leftovers below one microsecond are dropped, so a tiny nonzero interval renders as an empty string
print fmt("[%s]", 0.0000005sec), fmt("[%s]", 1sec + 0.0000004sec);
