# values.md §6.3: clean escapes like print; escape_string also doubles backslashes; string_fill ends with a NUL byte
print clean("a\tb"), |clean("a\tb")|, escape_string("a\\b\x01"), |escape_string("a\\b\x01")|;
print string_fill(10, "test "), |string_fill(10, "test ")|;
