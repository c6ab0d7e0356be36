# values.md §6.5: sort works in place and returns the same vector; count, int and port need no comparison function
global a = vector(5, 2, 9, 1);
global i = vector(3, -1, 0);
global p = vector(500/udp, 7/udp, 12/icmp, 123/tcp, 57/tcp);
global b = sort(a);
b[0] = 100;
print a, b, sort(i), sort(p);
