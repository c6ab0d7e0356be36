# language.md §1.5: IPv4 and bracketed IPv6 addr/subnet literals; blanks are allowed around the subnet '/'
print 10.0.0.1, [::1], [2001:db8::1], [::ffff:1.2.3.4];
print 10.0.0.0/8, 10.0.0.0 / 8, [fe80::]/64;
print type_name(10.0.0.1), type_name([::1]), type_name(10.0.0.0/8), type_name([fe80::]/64);
