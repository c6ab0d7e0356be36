# language.md §2.4.2/§4.8: &default implies &optional: the field can be deleted and then reads its default again
type R: record { a: count &default=5; b: string &optional; };
global r: R;
print r, r?$a, r?$b;
r$a = 7;
delete r$a;
print r?$a, r$a, r;
