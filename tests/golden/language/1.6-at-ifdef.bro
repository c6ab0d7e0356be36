# language.md §1.6: @ifdef is true iff the name resolves (current module, then GLOBAL); @ifndef is the negation
global g = 1;
@ifdef ( m )
global wrong1 = 1;
@endif
module M;
global m = 2;
@ifdef ( m )
global r1 = "m";
@endif
@ifdef ( g )
global r2 = "g";
@endif
@ifndef ( nope )
global r3 = "nope";
@endif
@ifdef ( nope )
global r4 = "r4";
@endif
@ifdef ( M::m )
global r5 = "M::m";
@endif
print r1, r2, r3, r5;
@ifdef ( wrong1 )
print "wrong1";
@endif
@ifndef ( r4 )
print "no r4";
@endif
