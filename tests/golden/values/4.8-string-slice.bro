# values.md §4.8: s[a:b] excludes b; bounds are clamped or normalised when negative; either bound may be omitted
global d = "0123456789";
global e = "012345";
print d[1:6], d[-3:-1], e[1:-1], e[-100:-2], "[" + e[2:1] + "]", d[:3], d[7:], d[:];
print d[5:100], "[" + d[20:30] + "]", d[0:0] == "";
