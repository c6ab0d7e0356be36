# values.md §6.3: sub/gsub replace the first/all leftmost-longest matches literally; zero-length matches do not count
print sub("this is a test", /is|ss/, "at"), gsub("this is a test", /is|ss/, "at");
print gsub("aaa", /a*/, "b"), sub("abc", /x/, "y"), gsub("a.b.c", /\./, "");
