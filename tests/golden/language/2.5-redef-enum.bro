# language.md §2.5: redef enum adds enumerators continuing the numbering (the enum need not be &redef)
type E: enum { A, B };
redef enum E += { C, D };
print C, |C|, |D|;
