# language.md §1.3: T and F are the bool constants, TT is an ordinary identifier, GLOBAL::x denotes the bare global x
global TT = 3;
global x = "bare";
print T, F, TT, GLOBAL::x;
print type_name(T), type_name(TT);
