# values.md §6.1: %s renders any value (raw); width pads with spaces on the left, '-' on the right, '0' still pads with spaces
print fmt("*%-10s*", "test"), fmt("*%10s*", T), fmt("%10s", 160/tcp), fmt("%10s", 192.168.0.0/16), fmt("*%05s*", "ab");
print fmt("%s", 3.0), fmt("%s", 5), fmt(".%s", 0), fmt("%s|%s", "a", 1.5), fmt("%s", 3hr), fmt("%s", -1);
