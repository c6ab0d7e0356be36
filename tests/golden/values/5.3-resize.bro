# values.md §5.3: resize returns the old size and pads with holes
global v = vector(1, 2);
print resize(v, 4), v, |v|;
print resize(v, 1), v;
