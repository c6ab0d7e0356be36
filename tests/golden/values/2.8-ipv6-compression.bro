# values.md §2.8: IPv6 text: lowercase hex, longest zero run as ::, first run wins ties, a single zero word is not compressed
print [::1], [::], [1::], [::2], [::ffff], [aaaa::ffff];
print [2001:DB8:0:0:1:0:0:1], [1:0:2:3:4:5:6:7], [aaaa:bbbb:cccc:dddd:eeee::2222], [fe80::1:2];
