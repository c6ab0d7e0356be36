# language.md §2.5: redef += on a pattern forms the alternation
global p = /foo/ &redef;
redef p += /bar/;
print p == "foo", p == "bar", p == "foobar", p in "xbarx";
