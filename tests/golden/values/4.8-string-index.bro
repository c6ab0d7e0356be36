# values.md §4.8: s[i] counts negative indexes from the end; out of range gives "" and never an error
global s = "HelpA";
print s[0], s[-1], s[4], "[" + s[5] + "]", "[" + s[-6] + "]", s[-5];
print "x"[+0], "abc"[1], type_name(s[1]);
