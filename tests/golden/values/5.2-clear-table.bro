# values.md §5.2: clear_table empties the table in place (shared references see it) and keeps its attributes
global t: table[count] of string = { [1] = "a" } &default="d";
global u = t;
clear_table(t);
print |t|, |u|, t[1];
