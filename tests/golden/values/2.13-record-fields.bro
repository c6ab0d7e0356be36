# values.md §2.13: fields print in declaration order including redef'd ones; |r| counts all fields, set or not
type R: record { a: count; b: string &optional; };
redef record R += { c: bool &default=T; };
global r: R = [$a=1];
print r, |r|;
