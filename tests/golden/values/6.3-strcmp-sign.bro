# values.md §6.3: strcmp compares bytewise (only its sign is specified)
print strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("abc", "abc") == 0, strcmp("ab", "abc") < 0, strcmp("", "") == 0;
