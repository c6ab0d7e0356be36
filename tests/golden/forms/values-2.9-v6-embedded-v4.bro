# values.md §2.8-§2.9: IPv6 literals with an embedded dotted quad, and bracketed subnets whose width counts IPv6 bits even for v4-mapped prefixes
global nets: set[subnet] = { [::ffff:192.168.0.0]/112 };
print [::ffff:1.2.3.4], [1:2:3:4:5:6:1.2.3.4], [::1.2.3.4], [::ffff:0:10.0.0.1];
print [::ffff:1.2.3.4] == 1.2.3.4, is_v4_addr([::ffff:1.2.3.4]);
print [::ffff:0:0]/96, [::ffff:1.2.3.0]/120, [::ffff:10.0.0.0]/104;
print [::ffff:1.2.3.4]/128 == 1.2.3.4/32, [::ffff:0:0]/97;
print [::ffff:0:0]/95, [1:2:3:4:5:6:1.2.3.4]/112, [::1.2.3.4]/120;
print 1.2.3.4 in [::ffff:0:0]/96, [::1] in [::ffff:0:0]/96, 10.1.2.3 in [::ffff:10.0.0.0]/104;
print 192.168.7.7 in nets, nets;
