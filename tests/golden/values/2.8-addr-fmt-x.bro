# values.md §2.8/§6.1: fmt %x of an addr gives 8 or 32 hex digits; the width pads with spaces even with the 0 flag
print fmt("%x", 127.0.0.1), fmt("%x", [fe00::1]), fmt("*%10x*", 127.0.0.1), fmt("*%010x*", 127.0.0.1);
