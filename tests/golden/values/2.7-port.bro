# values.md §2.7: ports order by internal value (unknown < tcp < udp < icmp); |p| includes the protocol mask and is an int
print 1/unknown < 1/tcp, 65535/tcp < 1/udp, 65535/udp < 0/icmp, 80/tcp < 443/tcp, 443/tcp < 80/tcp, 53/udp == 53/udp;
print |80/tcp|, |53/udp|, |3/icmp|, |7/unknown|, type_name(|80/tcp|);
print port_to_count(80/tcp), 80/tcp != 80/udp;
