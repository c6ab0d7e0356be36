# language.md §2.3/§2.5: a &redef const changes through redef; values computed from it earlier are not recomputed
const limit = 5 &redef;
global derived = limit + 1;
redef limit = 10;
print limit, derived;
