# language.md §2.5: records made before a redef record get the new fields unset (printed <uninitialized>) but reading gives the default
type R: record { a: count; };
global early: R = [$a=1];
redef record R += { b: count &default=7; };
global late: R = [$a=2];
print early, early$b, late;
