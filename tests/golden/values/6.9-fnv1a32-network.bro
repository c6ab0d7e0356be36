# hashing.md §8/§4: fnv1a32 of enums (full name), ports, addrs (v4, v6, v4-mapped) and subnets
type Color: enum { RED, GREEN };
module HashTest;
export { type NodeType: enum { NONE, PROXY }; }
module GLOBAL;
print fnv1a32(RED), fnv1a32(HashTest::PROXY);
print fnv1a32(80/tcp), fnv1a32(53/udp), fnv1a32(8/icmp), fnv1a32(0/unknown);
print fnv1a32(10.0.0.1), fnv1a32([::1]), fnv1a32([::]), fnv1a32([2001:DB8:0:0:1:0:0:1]), fnv1a32([::ffff:192.168.1.1]);
print fnv1a32(10.0.0.0/8), fnv1a32(10.1.2.3/8), fnv1a32([2001:db8::]/32), fnv1a32([::]/0);
