# values.md §2.9: the prefix is masked; |s| is the address count as a double; 'in' tests containment; addr / n makes a subnet
global a = 10.1.2.3;
print 192.168.1.5/24, [2001:db8::1]/32, 0.0.0.0/0, 10.1.2.3/8;
print |192.168.0.0/24|, |10.0.0.0/8|, |1.2.3.4/32|, type_name(|1.2.3.4/32|);
print 192.168.1.77 in 192.168.1.0/24, 192.168.2.1 in 192.168.1.0/24, a / 16, a / 8 == 10.0.0.0/8;
print 10.0.0.0/8 != 10.0.0.0/16, type_name(a / 16);
