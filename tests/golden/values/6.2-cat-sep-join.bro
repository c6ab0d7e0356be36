# values.md §6.2: cat_sep replaces empty strings by the default; string_cat; join_string_vec keeps the separators of holes
global v: vector of string = vector();
v[3] = "hi";
v[5] = "there";
print cat_sep("|", "<empty>", "", 3, T), cat_sep(", ", "-", "a", "b");
print string_cat("a", "b", "c"), join_string_vec(v, "."), join_string_vec(vector("x", "y"), "+");
