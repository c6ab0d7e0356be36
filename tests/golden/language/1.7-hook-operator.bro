# language.md §1.7/§4.12: 'hook h(x) && y' is (hook h(x)) && y; '! hook h(x)' works
hook h(n: count) { if ( n == 0 ) break; }
print hook h(1) && T, hook h(0) && T, ! hook h(0), ! hook h(1);
