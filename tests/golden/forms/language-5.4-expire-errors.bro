# language.md §1.4 attributes: the expiration attributes apply to tables only, take an interval, and &expire_func must be a function of two arguments yielding an interval
function f1(t: table[count] of string, c: count): count { return 0; }
function f2(t: table[count] of string): interval { return 0sec; }
global a: table[count] of string &write_expire="kaputt";
global b: table[count] of string &expire_func=f1;
global c: table[count] of string &expire_func=f2;
global d: count &read_expire=1sec;
