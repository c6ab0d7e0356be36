# values.md §2.10: /i is case-insensitive; in /bar/i | /bez/ only the first half is
global p = /bar/i | /bez/;
print /foo/i == "FoO", p == "BAR", p == "bez", p == "BEZ";
