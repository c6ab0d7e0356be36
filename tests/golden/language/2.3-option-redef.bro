# language.md §2.3: an option is implicitly &redef: redef works without writing &redef
option o = 5;
option name = "a";
redef o = 6;
redef name = "b";
print o, name;
