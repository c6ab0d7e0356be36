# values.md §5.1: a &default function is called with the missing index; its result is returned and not stored
function dflt(k: count): string { return fmt("made-%d", k); }
global t: table[count] of string &default=dflt;
t[1] = "one";
print t[1], t[7], |t|;
