# values.md §4.1: vector op vector is element-wise; a vector comparison gives a vector of bool
global v1 = vector(1, 2, 3);
global v2 = vector(10, 20, 30);
print v1 + v2, v2 - v1, v1 * v2;
print v1 < v2, v1 == vector(1, 5, 3);
