# values.md §2.8: a dotted quad is written only for ::a.b.c.d (run of 6) and ::ffff:0:a.b.c.d (run of 4)
print [::ffff:ffff], [::10.10.255.255], [::1.2.3.4], [ffff::192.168.1.100];
print [::ffff:0:192.168.1.100], [805B:2D9D:DC28::FC57:212.200.31.255];
