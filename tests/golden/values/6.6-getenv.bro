# values.md §6.6: getenv of an unset variable is the empty string
print "[" + getenv("BROSCRIPT_GOLDEN_SURELY_UNSET_VARIABLE") + "]";
