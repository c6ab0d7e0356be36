# values.md §2.6: strings are byte strings: UTF-8 input prints as escapes and |s| counts bytes
print "é", |"é"|, "naïve";
