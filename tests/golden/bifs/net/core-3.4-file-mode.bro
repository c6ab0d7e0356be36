# bifs/core-3.md §4 file_mode: ls-style text of the low 12 bits, with setuid/setgid/sticky as s/S and t/T
print file_mode(420), file_mode(511), file_mode(1023), file_mode(1000), file_mode(2541);
print file_mode(2304), file_mode(1517), file_mode(1312), file_mode(111), file_mode(0);
print file_mode(4096 + 420);
