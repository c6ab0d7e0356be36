# language.md §2.5: without &redef on the declaration or its constructor, redef += is "already defined"
const u = set("x");
redef u += { "y" };
print u;
