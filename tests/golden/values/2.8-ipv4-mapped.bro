# values.md §2.8: an IPv4-mapped IPv6 address is IPv4; |addr| is 32 or 128; ordering uses the 16-byte form
print [::ffff:1.2.3.4], is_v4_addr([::ffff:1.2.3.4]), is_v6_addr([::1]), is_v4_addr([::1]);
print |1.2.3.4|, |[::1]|, |[::ffff:1.2.3.4]|, type_name(|1.2.3.4|);
print 1.2.3.4 < 1.2.3.5, [::1] < 1.2.3.4, 10.0.0.1 == [::ffff:10.0.0.1], 10.0.0.2 < 10.0.0.1;
