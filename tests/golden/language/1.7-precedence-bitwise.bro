# language.md §1.7: & above ^ above |, all above comparisons and below +: c & 0x4 == 0x4 is (c & 0x4) == 0x4
global c = 5;
print c & 0x4 == 0x4, 1 | 2 ^ 3 & 1, 6 & 3 | 8, 2 + 1 & 3;
