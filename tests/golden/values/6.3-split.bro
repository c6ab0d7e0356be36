# values.md §6.3: split_string keeps empty pieces; split_string1 splits once; split_string_all keeps separators; str_split starts at index 1
print split_string("this is a test", /hi|es/), split_string("a,b,", /,/), |split_string("", /,/)|;
print split_string1("a,b,c", /,/), split_string_all("A = B = C = D", /=/);
print str_split("this is a test", vector(3, 6, 13));
