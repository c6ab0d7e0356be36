# language.md §2.5: redef record appends &optional/&default fields after the existing ones
type R: record { a: count; };
redef record R += { b: string &default="x"; c: count &optional; };
global r: R = [$a=1];
print r, |r|;
