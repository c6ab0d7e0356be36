# values.md §6.9: md5/sha1/sha256 hex digests of raw string bytes; floor, sqrt, exp, ln, log10; all_set/any_set treat holes as F
global b: vector of bool = vector();
b[0] = T;
b[2] = T;
print md5_hash("one"), sha1_hash("one");
print sha256_hash("one");
print floor(3.7), floor(-3.2), sqrt(16.0), exp(0.0), ln(1.0), log10(100.0);
print all_set(vector(T, T)), all_set(b), any_set(b), any_set(vector(F, F));
