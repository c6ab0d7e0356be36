# values.md §6.3: to_lower/to_upper change ASCII letters only; strip trims whitespace at both ends
print to_lower("AbC-1\xc3\x89Z"), to_upper("abc-xyz"), strip(" \t ab c \n"), "[" + strip("   ") + "]";
