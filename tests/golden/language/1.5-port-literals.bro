# language.md §1.5: port literals N/tcp, N/udp, N/icmp, N/unknown
print 80/tcp, 53/udp, 3/icmp, 0/unknown, 65535/tcp;
print type_name(80/tcp);
