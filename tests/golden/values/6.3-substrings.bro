# values.md §6.3: sub_bytes is 1-based (0 acts as 1, n < 0 means to the end); strstr is 1-based (0 if absent); subst_string; find_last
print sub_bytes("broisaveryneatids", 2, 5), sub_bytes("abc", 0, 2), sub_bytes("abc", 2, -1), "[" + sub_bytes("abc", 5, 1) + "]", sub_bytes("abc", 2, 100);
print strstr("abcabc", "ca"), strstr("abc", "z"), strstr("abc", ""), subst_string("aXbXc", "X", "--");
print find_last("xayaz", /a./), "[" + find_last("abc", /z/) + "]", find_all("xay", /a/);
