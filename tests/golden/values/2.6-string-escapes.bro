# values.md §2.6: print escapes bytes below 0x20 and above 0x7e as lowercase \xNN; backslash and quote are not escaped
print "tab\there", "nl\n", "del\x7f", "hi\xff", "~ok";
print "back\\slash", "quote\"d", |"a\x00b"|, "a\x00b";
