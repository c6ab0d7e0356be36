# values.md §6.2: cat concatenates raw renderings without separator; cat() is ""
print cat("foo", 3, T), "[" + cat() + "]", cat(1.5, 2sec, 1.2.3.4), cat("a\tb");
