# language.md §2.5: table redef: += adds/overwrites, -= removes keys, t[k] = v adds, = replaces everything
global t: table[count] of string = { [1] = "one", [2] = "two" } &redef;
global u: table[count] of string = { [1] = "one" } &redef;
redef t += { [3] = "three", [1] = "uno" };
redef t -= { [2] = "x" };
redef t[4] = "four";
redef u = { [9] = "nine" };
print |t|, t[1], t[3], t[4], 2 in t;
print u;
